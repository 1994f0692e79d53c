package vn.hdnd.server.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the coordinator's wait on full queues is shortened; its other delays are Axon's. */
class PromptCoordinatorExecutorTest {
    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("councils");

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void theWaitOnFullQueuesIsShort() {
        ScheduledFuture<?> retry = executor.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);
        assertThat(retry.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(5);
    }

    @Test
    void otherDelaysAreKept() {
        // Axon's: 500 ms to poll a stream without callbacks, the token claim interval, the error back-off.
        for (long millis : new long[]{500, 5_000, 60_000}) {
            ScheduledFuture<?> task = executor.schedule(() -> { }, millis, TimeUnit.MILLISECONDS);
            // Half the delay at least: a loaded machine may pause the test between scheduling and asking.
            assertThat(task.getDelay(TimeUnit.MILLISECONDS)).as(millis + " ms").isBetween(millis / 2, millis);
        }
        ScheduledFuture<?> inSeconds = executor.schedule(() -> { }, 1, TimeUnit.SECONDS);
        assertThat(inSeconds.getDelay(TimeUnit.MILLISECONDS)).isBetween(500L, 1000L);
    }

    @Test
    void runsOnAThreadNamedAsAxonsCoordinator() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        executor.schedule(() -> thread.complete(Thread.currentThread().getName()), 0, TimeUnit.MILLISECONDS);
        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("Coordinator[councils]");
    }
}
