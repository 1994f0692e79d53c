package vn.hdnd.command.dispatch;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a command's transaction learns about event streams on its way, so that it need not ask the database again:
 * the head of the target aggregate's stream, read in the same round trip as the lock on it ({@link AggregateLocks}),
 * against which the aggregate cache checks its entry; and the global index of each event the transaction appends,
 * which the command's answer carries. Each was a round trip of its own, and a round trip is what a command costs
 * PostgreSQL most (bench/README.md). Kept with the Spring transaction and dropped at its end; outside one, nothing is
 * kept and callers ask the database. A transaction shared by several commands ({@link GroupCommit}) keeps what they
 * learn together: a later command's lock reads its stream's head again, and an aggregate's last append is its last
 * event whichever command appended it.
 */
public final class StreamPositions {
    private static final Object RESOURCE = StreamPositions.class;

    /** An aggregate's last event appended in this transaction. */
    record Appended(long sequenceNumber, long globalIndex) {
    }

    /** Heads read with the lock; a null value is a stream with no events. */
    private final Map<String, Long> heads = new HashMap<>();
    private final Map<String, Appended> appended = new HashMap<>();

    private StreamPositions() {
    }

    /**
     * The last sequence number of the aggregate's stream: the one read with the lock in this transaction, once (a
     * second load in the transaction would follow the transaction's own appends), else {@code fromStore}'s.
     */
    public static Optional<Long> head(String aggregateId, Supplier<Optional<Long>> fromStore) {
        StreamPositions positions = current(false);
        if (positions != null && positions.heads.containsKey(aggregateId)) {
            return Optional.ofNullable(positions.heads.remove(aggregateId));
        }
        return fromStore.get();
    }

    /** Records an event the transaction appended; the storage engine calls this with the global index it got. */
    public static void appended(String aggregateId, long sequenceNumber, long globalIndex) {
        StreamPositions positions = current(true);
        if (positions != null) {
            // A stream's events are appended in sequence order: the latest is its last.
            positions.appended.put(aggregateId, new Appended(sequenceNumber, globalIndex));
        }
    }

    static void headReadWithLock(String aggregateId, Long lastSequenceNumber) {
        StreamPositions positions = current(true);
        if (positions != null) {
            positions.heads.put(aggregateId, lastSequenceNumber);
        }
    }

    static Optional<Appended> lastAppended(String aggregateId) {
        StreamPositions positions = current(false);
        return positions == null ? Optional.empty() : Optional.ofNullable(positions.appended.get(aggregateId));
    }

    private static StreamPositions current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        StreamPositions positions = (StreamPositions) TransactionSynchronizationManager.getResource(RESOURCE);
        if (positions == null && create) {
            positions = new StreamPositions();
            TransactionSynchronizationManager.bindResource(RESOURCE, positions);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
        }
        return positions;
    }
}
