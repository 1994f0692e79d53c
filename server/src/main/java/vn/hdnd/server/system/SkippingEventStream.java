package vn.hdnd.server.system;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A processor's stream without the events it has no handler for. Axon's pooled processor tells its stream each payload
 * type that none of its handlers takes ({@link #skipMessagesWithPayloadTypeOf}); Axon Server filters them out at the
 * source, while the embedded store ignores the hint. Every event delivered costs the processor's coordinator the same
 * work, handled or not: it queues the event for each segment and measures each segment's queue. In a rebuild of every
 * projection, the three views that take no council event spent as much of the server's processor time reading the
 * log as the councils view spent building itself.
 * <p>
 * A skipped event is not lost to the processor's position: the next event delivered carries a token past it. So that
 * the position still reaches the head of the log (read-your-writes and the rebuild's progress wait on it), the last of
 * a run of skipped events is delivered when nothing more is available yet, and one in every {@value #MAX_SKIPPED} of a
 * long run; the processor then ignores it, as it did before. Only the processor's coordinator thread reads the stream.
 */
final class SkippingEventStream implements TrackingEventStream {
    static final int MAX_SKIPPED = 1000;

    private final TrackingEventStream delegate;
    private final Set<Class<?>> skippedTypes = new HashSet<>();
    /** The event the next {@link #nextAvailable} returns, once found. */
    private TrackedEventMessage<?> next;
    /** The last event skipped since one was delivered, and how many were skipped. */
    private TrackedEventMessage<?> lastSkipped;
    private int skippedInARow;

    SkippingEventStream(TrackingEventStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        skippedTypes.add(ignoredMessage.getPayloadType());
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(next) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (next == null) {
            if (delegate.hasNextAvailable()) {
                TrackedEventMessage<?> event = delegate.nextAvailable();
                if (skippedTypes.contains(event.getPayloadType()) && ++skippedInARow < MAX_SKIPPED) {
                    lastSkipped = event;
                } else {
                    deliver(event);
                }
            } else if (lastSkipped != null) {
                deliver(lastSkipped);
            } else {
                long millisLeft = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (millisLeft <= 0
                        || !delegate.hasNextAvailable((int) Math.min(millisLeft, Integer.MAX_VALUE),
                        TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void deliver(TrackedEventMessage<?> event) {
        next = event;
        lastSkipped = null;
        skippedInARow = 0;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // wait on
        }
        TrackedEventMessage<?> result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
