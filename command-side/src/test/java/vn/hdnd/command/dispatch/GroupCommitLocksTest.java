package vn.hdnd.command.dispatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A lane takes its batch's locks before the first command runs; when that fails (another node's locks deadlocked
 * with them), the failure belongs to no one command: the batch is written again, each command taking its own lock.
 */
class GroupCommitLocksTest {
    private final AggregateLocks locks = mock(AggregateLocks.class);
    private final GroupCommit groupCommit = new GroupCommit(
            new TransactionTemplate(mock(PlatformTransactionManager.class)), locks, 1, 32);

    @AfterEach
    void stopLanes() throws InterruptedException {
        groupCommit.destroy();
    }

    @Test
    void theBatchTakesItsCommandsLocksFirst() {
        AggregateLocks.Lock lock = new AggregateLocks.Lock("vn-hn", "vn-hn-session-1");
        String answer = groupCommit.execute(lock, status -> "written");

        assertThat(answer).isEqualTo("written");

        verify(locks).lockAll(List.of(lock));
    }

    @Test
    void whenTheBatchsLocksFailItsCommandsAreWrittenTakingTheirOwn() {
        doThrow(new CannotAcquireLockException("deadlock detected")).when(locks).lockAll(any());
        AtomicInteger runs = new AtomicInteger();

        String answer = groupCommit.execute(new AggregateLocks.Lock("vn-hn", "vn-hn"), status -> {
            runs.incrementAndGet();
            return "written";
        });

        assertThat(answer).isEqualTo("written");
        assertThat(runs).hasValue(1);
        verify(locks, times(1)).lockAll(any());
    }
}
