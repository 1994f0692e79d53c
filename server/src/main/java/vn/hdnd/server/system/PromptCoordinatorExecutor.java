package vn.hdnd.server.system;

import org.axonframework.common.AxonThreadFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of a pooled processor's coordinator (the thread that reads the log for the processor), checking again
 * soon when its work packages' queues are full. Axon's coordinator (4.13) reads events until a segment's queue holds
 * 1,024 of them, then looks again only after {@value #AXONS_FULL_QUEUE_WAIT_MILLIS} ms, and a work package that empties
 * its queue cannot wake it. A work package handles a batch in much less than that: in a rebuild of the councils view,
 * the coordinator slept a quarter of the time in these waits, and 45% once reading became cheaper, while its work
 * packages sat idle (JFR's thread parks; bench/README.md). Here that one wait is {@value #FULL_QUEUE_WAIT_MILLIS} ms:
 * a look at full queues is a walk of each, microseconds. Every other delay is Axon's.
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {
    /** The delay with which Axon's coordinator schedules itself when a work package's queue is full. */
    static final long AXONS_FULL_QUEUE_WAIT_MILLIS = 100;
    static final long FULL_QUEUE_WAIT_MILLIS = 5;

    /** With Axon's own thread names, {@code Coordinator[processor]-n}. */
    PromptCoordinatorExecutor(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (unit.toNanos(delay) == TimeUnit.MILLISECONDS.toNanos(AXONS_FULL_QUEUE_WAIT_MILLIS)) {
            return super.schedule(command, FULL_QUEUE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        return super.schedule(command, delay, unit);
    }
}
