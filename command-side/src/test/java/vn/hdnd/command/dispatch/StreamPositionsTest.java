package vn.hdnd.command.dispatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class StreamPositionsTest {
    private final AtomicInteger storeReads = new AtomicInteger();
    private final Supplier<Optional<Long>> store = () -> {
        storeReads.incrementAndGet();
        return Optional.of(41L);
    };

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aHeadReadWithTheLockIsUsedInsteadOfTheStoreThenFollowsTheTransactionsAppends() {
        TransactionSynchronizationManager.initSynchronization();
        StreamPositions.lockHeld("vn-a");
        StreamPositions.headReadWithLock("vn-a", 7L);
        StreamPositions.headReadWithLock("vn-new", null);

        assertThat(StreamPositions.head("vn-a", store)).contains(7L);
        assertThat(StreamPositions.head("vn-new", store)).isEmpty();
        assertThat(StreamPositions.locked("vn-a", "vn-a")).isTrue();
        assertThat(StreamPositions.locked("vn-new", "vn-new")).as("its head read, but not its lock").isFalse();
        // A later command in the transaction: the head is what the transaction appended since.
        StreamPositions.appended("vn-a", 8, 100);
        StreamPositions.appended("vn-new", 0, 101);
        assertThat(StreamPositions.head("vn-a", store)).contains(8L);
        assertThat(StreamPositions.head("vn-new", store)).contains(0L);
        assertThat(storeReads).hasValue(0);
        // An aggregate whose head was not read with a lock is the store's to say.
        StreamPositions.appended("vn-b", 3, 102);
        assertThat(StreamPositions.head("vn-b", store)).contains(41L);
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void theLastAppendedEventOfEachAggregateIsKeptUntilTheTransactionEnds() {
        TransactionSynchronizationManager.initSynchronization();
        StreamPositions.appended("vn-a", 3, 100);
        StreamPositions.appended("vn-a", 4, 101);
        StreamPositions.appended("vn-b", 0, 102);

        assertThat(StreamPositions.lastAppended("vn-a")).contains(new StreamPositions.Appended(4, 101));
        assertThat(StreamPositions.lastAppended("vn-b")).contains(new StreamPositions.Appended(0, 102));
        assertThat(StreamPositions.lastAppended("vn-c")).isEmpty();

        endTransaction();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(StreamPositions.lastAppended("vn-a")).isEmpty();
        StreamPositions.headReadWithLock("vn-a", 7L);
        endTransaction();
        assertThat(StreamPositions.head("vn-a", store)).contains(41L);
    }

    @Test
    void outsideATransactionNothingIsKept() {
        StreamPositions.appended("vn-a", 3, 100);
        StreamPositions.headReadWithLock("vn-a", 3L);
        assertThat(StreamPositions.lastAppended("vn-a")).isEmpty();
        assertThat(StreamPositions.head("vn-a", store)).contains(41L);
    }
}
