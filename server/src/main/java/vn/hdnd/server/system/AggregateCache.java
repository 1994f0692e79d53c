package vn.hdnd.server.system;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Aggregates kept in memory between commands, so that a command does not replay its aggregate's whole history (a
 * council's every seat and office) before deciding. Axon's caching repository takes and puts entries under its lock
 * on the aggregate; this cache hands an entry out only while it is what the log holds:
 * <ul>
 *   <li>its version must be the last sequence number stored for the aggregate, read in the command's own
 *       transaction after the command's lock: another node's append, or a transaction of this one not yet
 *       committed, makes them differ, and the aggregate is replayed from the log instead;</li>
 *   <li>an entry put by a transaction that then does not commit is removed when it ends. Axon puts an aggregate when
 *       its unit of work commits, which is inside the dispatcher's transaction: without this, a rolled-back command
 *       could leave its state here at the same version as another node's committed one.</li>
 *   <li>Axon removes an aggregate when a command on it fails. An entry whose aggregate is still at the version it had
 *       when it was last handed out, checked against the log, is kept: the failed command applied nothing to it (a
 *       refused command, the routine case), and removing it made the aggregate's next command replay its whole
 *       history.</li>
 * </ul>
 * The least recently used entries beyond {@code capacity} are forgotten. Loads are counted by outcome (a hit, no
 * entry, or a stale entry) for the metric {@code council.aggregate.cache.loads}.
 */
final class AggregateCache implements Cache {
    /** The last sequence number stored for an aggregate, as {@code EventStorageEngine.lastSequenceNumberFor}. */
    @FunctionalInterface
    interface StreamHeads {
        Optional<Long> lastSequenceNumber(String aggregateIdentifier);
    }

    /** What a load found in the cache. */
    enum Outcome { HIT, MISS, STALE }

    private final StreamHeads heads;
    private final Map<Object, Object> entries;
    /** The version each entry had when last handed out, checked against the log; guarded by {@code entries}. */
    private final Map<Object, Long> handedOut = new HashMap<>();
    private final Map<Outcome, LongAdder> loads = new EnumMap<>(Outcome.class);

    AggregateCache(StreamHeads heads, int capacity) {
        this.heads = heads;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                handedOut.remove(eldest.getKey());
                return true;
            }
        };
        for (Outcome outcome : Outcome.values()) {
            loads.put(outcome, new LongAdder());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long version = version(entry);
            if (!Objects.equals(version, heads.lastSequenceNumber(key.toString()).orElse(null))) {
                forget(key);
                loads.get(Outcome.STALE).increment();
                return null;
            }
            synchronized (entries) {
                handedOut.put(key, version);
            }
        }
        loads.get(value == null ? Outcome.MISS : Outcome.HIT).increment();
        return (V) value;
    }

    long loads(Outcome outcome) {
        return loads.get(outcome).sum();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * The version of the aggregate an entry holds. An entry kept in memory returns the aggregate it was made of; the
     * arguments would serve only to rebuild one from a serialised entry, which this cache never holds.
     */
    private static Long version(AggregateCacheEntry<?> entry) {
        return entry.recreateAggregate(null, null, null, null).version();
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
            handedOut.remove(key);
        }
        forgetUnlessCommitted(key);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent;
        synchronized (entries) {
            absent = entries.putIfAbsent(key, value) == null;
        }
        if (absent) {
            forgetUnlessCommitted(key);
        }
        return absent;
    }

    private void forgetUnlessCommitted(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        forget(key);
                    }
                }
            });
        }
    }

    /** Axon's removal when a command fails: kept if the command left the aggregate as it was handed out. */
    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            if (entries.get(key) instanceof AggregateCacheEntry<?> entry && handedOut.containsKey(key)
                    && Objects.equals(version(entry), handedOut.get(key))) {
                return false;
            }
            return forget(key);
        }
    }

    private boolean forget(Object key) {
        synchronized (entries) {
            handedOut.remove(key);
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
            handedOut.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Axon's repositories register no listeners on an aggregate cache; nothing here would call one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
