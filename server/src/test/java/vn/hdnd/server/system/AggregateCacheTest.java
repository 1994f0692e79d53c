package vn.hdnd.server.system;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate cache hands out only what the log holds, forgets what a transaction put but did not commit, and keeps
 * what a failed command left unchanged.
 */
class AggregateCacheTest {
    /** The stored heads, as the log would answer. */
    private final Map<String, Long> heads = new HashMap<>();
    private final AggregateCache cache = new AggregateCache(id -> Optional.ofNullable(heads.get(id)), 2);

    static class Counter {
        @AggregateIdentifier
        String id;
    }

    private static AggregateCacheEntry<Counter> at(long version) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class), version, false, null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void anEntryAtTheStoredHeadIsHandedOut() {
        var entry = at(4);
        heads.put("c-1", 4L);
        cache.put("c-1", entry);
        assertThat((Object) cache.get("c-1")).isSameAs(entry);
        assertThat((Object) cache.get("c-2")).isNull();
        assertThat(cache.loads(AggregateCache.Outcome.HIT)).isEqualTo(1);
        assertThat(cache.loads(AggregateCache.Outcome.MISS)).isEqualTo(1);
    }

    @Test
    void anEntryBehindTheLogIsForgotten() {
        cache.put("c-1", at(4));
        heads.put("c-1", 5L); // another node appended
        assertThat((Object) cache.get("c-1")).isNull();
        assertThat(cache.loads(AggregateCache.Outcome.STALE)).isEqualTo(1);
        heads.put("c-1", 4L);
        assertThat(cache.containsKey("c-1")).isFalse();
    }

    @Test
    void anEntryAheadOfTheLogIsForgotten() {
        cache.put("c-1", at(5));
        heads.put("c-1", 4L); // the transaction that made version 5 has not committed
        assertThat((Object) cache.get("c-1")).isNull();
        assertThat(cache.containsKey("c-1")).isFalse();
    }

    @Test
    void anEntryPutByATransactionThatDoesNotCommitIsForgottenWhenItEnds() {
        heads.put("c-1", 4L);
        heads.put("c-2", 4L);
        TransactionSynchronizationManager.initSynchronization();
        cache.put("c-1", at(4));
        cache.get("c-1"); // handed out at the version the transaction wrote: forgotten all the same
        endTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("c-1")).isFalse();

        TransactionSynchronizationManager.initSynchronization();
        cache.put("c-2", at(4));
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.containsKey("c-2")).isTrue();
    }

    /** Axon removes an aggregate when a command on it fails; a command refused before applying anything left it. */
    @Test
    void anEntryAFailedCommandLeftAsItWasHandedOutIsKept() {
        heads.put("c-1", 4L);
        var entry = at(4);
        cache.put("c-1", entry);
        assertThat((Object) cache.get("c-1")).isSameAs(entry);

        assertThat(cache.remove("c-1")).isFalse();
        assertThat((Object) cache.get("c-1")).isSameAs(entry);
        assertThat(cache.loads(AggregateCache.Outcome.HIT)).isEqualTo(2);
    }

    @Test
    void anEntryNotHandedOutOrChangedSinceIsRemoved() {
        heads.put("c-1", 4L);
        cache.put("c-1", at(4));
        assertThat(cache.remove("c-1")).isTrue(); // never checked against the log

        cache.put("c-1", at(4));
        cache.get("c-1");
        cache.put("c-1", at(5)); // a command applied an event after it was handed out
        assertThat(cache.remove("c-1")).isTrue();
        assertThat(cache.containsKey("c-1")).isFalse();
    }

    private static void endTransaction(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }

    @Test
    void theLeastRecentlyUsedEntryIsForgottenBeyondTheCapacity() {
        heads.put("c-1", 1L);
        heads.put("c-2", 1L);
        heads.put("c-3", 1L);
        cache.put("c-1", at(1));
        cache.put("c-2", at(1));
        cache.get("c-1");
        cache.put("c-3", at(1));
        assertThat(cache.containsKey("c-1")).isTrue();
        assertThat(cache.containsKey("c-2")).isFalse();
        assertThat(cache.containsKey("c-3")).isTrue();
    }
}
