package vn.hdnd.server.system;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's stream leaves out the payload types the processor said it cannot handle, yet its position still
 * reaches every event it was given: the last skipped event is delivered when nothing else is available, and one in
 * every {@value SkippingEventStream#MAX_SKIPPED} of a long run.
 */
class SkippingEventStreamTest {
    private final Log log = new Log();
    private final SkippingEventStream stream = new SkippingEventStream(log);

    @Test
    void everyEventIsDeliveredUntilATypeIsSkipped() throws Exception {
        log.append("a", 1, "b", 2);

        assertThat(positionsRead()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void skippedEventsAreLeftOutButTheNextDeliveredEventCarriesTheirPositions() throws Exception {
        log.append(1);
        stream.skipMessagesWithPayloadTypeOf(next());
        log.append(2, 3, "a", 4, 5, "b");

        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        assertThat(payloads).containsExactly("a", "b");
        assertThat(log.read).as("every event was read from the log").isEqualTo(7);
    }

    @Test
    void aRunOfSkippedEventsAtTheHeadEndsWithItsLastEvent() throws Exception {
        log.append(1);
        stream.skipMessagesWithPayloadTypeOf(next());
        log.append("a", 2, 3, 4);

        assertThat(positionsRead()).as("the position reaches the head of the log").containsExactly(2L, 5L);

        log.append(5);
        assertThat(positionsRead()).as("and so it does for an event appended later").containsExactly(6L);
    }

    @Test
    void aLongRunOfSkippedEventsDeliversOneInEveryMaxSkipped() throws Exception {
        log.append(0);
        stream.skipMessagesWithPayloadTypeOf(next());
        int run = 2 * SkippingEventStream.MAX_SKIPPED + 10;
        for (int i = 0; i < run; i++) {
            log.append(i);
        }

        long max = SkippingEventStream.MAX_SKIPPED;
        assertThat(positionsRead()).containsExactly(1 + max, 1 + 2 * max, 1L + run);
    }

    @Test
    void peekShowsTheEventThatIsDeliveredNext() throws Exception {
        log.append(1);
        stream.skipMessagesWithPayloadTypeOf(next());
        log.append(2, "a");

        Optional<TrackedEventMessage<?>> peeked = stream.peek();
        assertThat(peeked).isPresent();
        assertThat(stream.peek()).containsSame(peeked.get());
        assertThat(stream.nextAvailable()).isSameAs(peeked.get());
        assertThat(stream.peek()).isEmpty();
    }

    @Test
    void aWaitEndsWithTheFirstEventThatIsNotSkipped() throws Exception {
        log.append(1);
        stream.skipMessagesWithPayloadTypeOf(next());

        assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        log.appendLater(100, 2, "a");
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("a");
    }

    private TrackedEventMessage<?> next() throws InterruptedException {
        assertThat(stream.hasNextAvailable()).isTrue();
        return stream.nextAvailable();
    }

    private List<Long> positionsRead() throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            positions.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }
        return positions;
    }

    /** A log in memory, positions from 1; it may be appended to from another thread after a delay. */
    private static final class Log implements TrackingEventStream {
        private final Deque<TrackedEventMessage<?>> unread = new ArrayDeque<>();
        private long head;
        private int read;

        synchronized void append(Object... payloads) {
            for (Object payload : payloads) {
                unread.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++head),
                        GenericEventMessage.asEventMessage(payload)));
            }
            notifyAll();
        }

        void appendLater(long millis, Object... payloads) {
            Thread appender = new Thread(() -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                append(payloads);
            });
            appender.setDaemon(true);
            appender.start();
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(unread.peek());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (unread.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (unread.isEmpty()) {
                wait();
            }
            read++;
            return unread.poll();
        }

        @Override
        public void close() {
        }
    }
}
