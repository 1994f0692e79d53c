package vn.hdnd.command.dispatch;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a command's transaction learns about event streams on its way, so that it need not ask the database again:
 * the head of the target aggregate's stream, read in the same round trip as the lock on it ({@link AggregateLocks}),
 * against which the aggregate cache checks its entry; and the global index of each event the transaction appends,
 * which the command's answer carries. Each was a round trip of its own, and a round trip is what a command costs
 * PostgreSQL most (bench/README.md). Kept with the Spring transaction and dropped at its end; outside one, nothing is
 * kept and callers ask the database. A transaction shared by several commands ({@link GroupCommit}) keeps what they
 * learn together: the locks and heads of all of them, read at its start, and each aggregate's last append, which is
 * then its stream's head whichever command appended it.
 */
public final class StreamPositions {
    private static final Object RESOURCE = StreamPositions.class;
    /** The global index of an append not yet written. */
    public static final long NOT_WRITTEN = -1;

    /** An aggregate's last event appended in this transaction. */
    record Appended(long sequenceNumber, long globalIndex) {
    }

    /** Heads read with the lock; a null value is a stream with no events. */
    private final Map<String, Long> heads = new HashMap<>();
    private final Map<String, Appended> appended = new HashMap<>();
    /** The keys of the advisory locks held ({@link AggregateLocks}). */
    private final Set<String> locks = new HashSet<>();

    private StreamPositions() {
    }

    /**
     * The last sequence number of the aggregate's stream, if it was read with the lock in this transaction: the last
     * event this transaction appended to it since, else the head read; otherwise {@code fromStore}'s.
     */
    public static Optional<Long> head(String aggregateId, Supplier<Optional<Long>> fromStore) {
        StreamPositions positions = current(false);
        if (positions != null && positions.heads.containsKey(aggregateId)) {
            Appended last = positions.appended.get(aggregateId);
            return last != null ? Optional.of(last.sequenceNumber())
                    : Optional.ofNullable(positions.heads.get(aggregateId));
        }
        return fromStore.get();
    }

    /**
     * Records an event the transaction appended; the storage engine calls this with the global index it got, or with
     * {@link #NOT_WRITTEN} when the append waits to be written with others ({@link DeferredAppends}).
     */
    public static void appended(String aggregateId, long sequenceNumber, long globalIndex) {
        StreamPositions positions = current(true);
        if (positions != null) {
            // A stream's events are appended in sequence order: the latest is its last.
            positions.appended.put(aggregateId, new Appended(sequenceNumber, globalIndex));
        }
    }

    /** Records that this transaction holds the advisory lock on {@code key}, until it ends. */
    static void lockHeld(String key) {
        StreamPositions positions = current(true);
        if (positions != null) {
            positions.locks.add(key);
        }
    }

    /** Whether this transaction holds the lock on {@code key} and has read the head of {@code aggregateId}. */
    static boolean locked(String key, String aggregateId) {
        StreamPositions positions = current(false);
        return positions != null && positions.locks.contains(key) && positions.heads.containsKey(aggregateId);
    }

    static void headReadWithLock(String aggregateId, Long lastSequenceNumber) {
        StreamPositions positions = current(true);
        if (positions != null) {
            positions.heads.put(aggregateId, lastSequenceNumber);
        }
    }

    /** The aggregate's last event appended in this transaction, if it is written. */
    static Optional<Appended> lastAppended(String aggregateId) {
        StreamPositions positions = current(false);
        return positions == null ? Optional.empty() : Optional.ofNullable(positions.appended.get(aggregateId))
                .filter(last -> last.globalIndex() != NOT_WRITTEN);
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
