package vn.hdnd.command.dispatch;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events of a shared transaction's commands ({@link GroupCommit}), written together once all its commands have run:
 * one statement and one round trip for the batch instead of one per command. Each round trip stops the command lane,
 * and on a busy machine the lane's thread then waits for a processor as well as for the database.
 * <p>
 * The storage engine hands its appends here ({@link #defer}); in a transaction that allows it, they wait for
 * {@link #write()}, which {@link GroupCommit} calls after the batch's last command, and which anything that reads the
 * event store in the transaction calls first (the storage engine's reads of a stream, the dispatcher's reads of a
 * command's position), so that no read misses an event the transaction appended. Elsewhere appends are written at
 * once. Until written, an append's sequence number is known ({@link StreamPositions#head}) and its global index is
 * not.
 */
public final class DeferredAppends {
    private static final Object RESOURCE = DeferredAppends.class;

    private final List<Object> events = new ArrayList<>();
    private Consumer<List<Object>> writer;

    private DeferredAppends() {
    }

    /** Lets the current transaction's appends wait for {@link #write()}. */
    static void allow() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(RESOURCE) == null) {
            TransactionSynchronizationManager.bindResource(RESOURCE, new DeferredAppends());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
        }
    }

    /**
     * Keeps {@code appended} to be written later by {@code writer}, with any kept before, if the current transaction
     * allows it; otherwise answers false and the caller writes them at once. One writer per transaction: the event
     * store's.
     */
    @SuppressWarnings("unchecked")
    public static <E> boolean defer(List<? extends E> appended, Consumer<List<E>> writer) {
        DeferredAppends deferred = current();
        if (deferred == null) {
            return false;
        }
        if (deferred.writer == null) {
            deferred.writer = events -> writer.accept((List<E>) events);
        }
        deferred.events.addAll(appended);
        return true;
    }

    /** Writes the appends kept in the current transaction, if any. */
    public static void write() {
        DeferredAppends deferred = current();
        if (deferred != null && !deferred.events.isEmpty()) {
            List<Object> events = List.copyOf(deferred.events);
            deferred.events.clear();
            deferred.writer.accept(events);
        }
    }

    private static DeferredAppends current() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (DeferredAppends) TransactionSynchronizationManager.getResource(RESOURCE) : null;
    }
}
