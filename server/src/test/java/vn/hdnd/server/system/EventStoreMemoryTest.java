package vn.hdnd.server.system;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While events are appended faster than the processors read them, the event store must not keep them all in memory:
 * a million appended events filled a 1 GiB heap, held by the store's shared read and by processors that had stopped
 * reading ({@link AxonConfiguration#committedStore}). These tests hold a weak reference to an event the store read
 * and wait for the collector to free it.
 */
class EventStoreMemoryTest {
    private static final long CLEANUP_DELAY_MS = 1000;
    private static final int APPENDED = 25_000;

    private CommittedEventStore store;
    private final AtomicBoolean appending = new AtomicBoolean(true);
    /** The newest position the endless log has handed out. */
    private final AtomicLong produced = new AtomicLong();

    @AfterEach
    void shutDown() {
        appending.set(false);
        if (store != null) {
            store.shutDown();
        }
    }

    /**
     * A processor that stops reading (its batches are full) is moved off the shared list within the cleanup delay.
     * The store's database is an in-memory H2 with the application's migrations: this is about the store's memory.
     */
    @Test
    void aStalledStreamReleasesTheEventsReadAfterIt() throws Exception {
        JdbcEventStorageEngine engine = engine();
        store = new CommittedEventStore(AxonConfiguration.committedStore(engine, 50, CLEANUP_DELAY_MS, 0));

        TrackingEventStream stalled = store.openStream(null);
        TrackingEventStream reader = store.openStream(null);
        assertThat(stalled.hasNextAvailable()).isFalse();
        assertThat(reader.hasNextAvailable()).isFalse();

        engine.appendEvents(List.of(event("stalled", 0)));
        assertThat(stalled.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        // The stalled stream's place in the shared list: everything read after it hangs off this event's node.
        WeakReference<TrackedEventMessage<?>> placeOfStalled = new WeakReference<>(stalled.nextAvailable());

        String firstAppended = null;
        for (int batch = 0; batch < APPENDED / 1000; batch++) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            String aggregate = UUID.randomUUID().toString();
            firstAppended = batch == 0 ? aggregate : firstAppended;
            for (int i = 0; i < 1000; i++) {
                events.add(event(aggregate, i));
            }
            engine.appendEvents(events);
        }
        int read = 0;
        while (read <= APPENDED && reader.hasNextAvailable(5, TimeUnit.SECONDS)) {
            reader.nextAvailable();
            read++;
        }
        assertThat(read).as("the reader saw every event, so the store has read them all").isEqualTo(APPENDED + 1);

        assertThat(collected(placeOfStalled))
                .as("the events read after a stalled stream are released within the cleanup delay")
                .isTrue();

        // Released does not mean lost: the stalled stream goes on from its place, through a stream of its own.
        assertThat(stalled.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stalled.nextAvailable().getPayload()).isEqualTo(firstAppended + "#0");
        stalled.close();
        reader.close();
    }

    /**
     * The store's shared read of a log that keeps growing (here without end) must not hold everything it reads: it
     * holds the first event of each read until the read ends, and a read used to end only when it found nothing new.
     */
    @Test
    void theSharedReadOfAGrowingLogReleasesWhatItRead() throws Exception {
        store = new CommittedEventStore(AxonConfiguration.committedStore(new EndlessLog(), 50, CLEANUP_DELAY_MS, 0));
        TrackingEventStream follower = store.openStream(null);
        assertThat(follower.hasNextAvailable()).isFalse();

        TrackedEventMessage<?> last = null;
        for (int i = 0; i < EndlessLog.FIRST_READ; i++) {
            assertThat(follower.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            last = follower.nextAvailable();
        }
        // The newest event when the endless read began; the follower stops reading here and lets the log run on.
        WeakReference<TrackedEventMessage<?>> startOfEndlessRead = new WeakReference<>(last);
        last = null;

        // The release is due once the log has run a full read and a full cache past that event. How long that takes
        // depends on the machine (a loaded CI runner made it take longer than the cleanup wait), so wait for it here.
        long due = EndlessLog.FIRST_READ + 2L * AxonConfiguration.SHARED_EVENTS;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (produced.get() < due && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(produced.get()).as("the endless log ran a full read past the follower").isGreaterThanOrEqualTo(due);
        assertThat(collected(startOfEndlessRead))
                .as("a read that never finds the end of the log still releases the events it read")
                .isTrue();
        follower.close();
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10 * CLEANUP_DELAY_MS);
        while (reference.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        return reference.get() == null;
    }

    /**
     * A log that holds {@value #FIRST_READ} events at first; read from there, it grows without end (about 20,000
     * events a second) until the test ends. Only the reads the store makes are supported.
     */
    private final class EndlessLog implements EventStorageEngine {
        static final int FIRST_READ = 5;

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            if (!mayBlock) {
                return Stream.empty(); // a stream of its own finds nothing: every event comes through the shared read
            }
            long after = token == null ? 0 : token.position().orElseThrow();
            if (after < FIRST_READ) {
                return LongStream.rangeClosed(after + 1, FIRST_READ).mapToObj(EndlessLog::event);
            }
            return LongStream.iterate(after + 1, i -> i + 1).takeWhile(i -> appending.get())
                    .peek(EndlessLog::throttle).peek(produced::set).mapToObj(EndlessLog::event);
        }

        private static TrackedEventMessage<?> event(long position) {
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("event " + position));
        }

        private static void throttle(long position) {
            if (position % 20 == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        @Override
        public TrackingToken createHeadToken() {
            return null; // where the store's watcher starts: the beginning, as the log starts empty
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            throw new UnsupportedOperationException();
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "#" + sequence);
    }

    private static JdbcEventStorageEngine engine() {
        return H2EventStore.axonEngine(H2EventStore.database()).build();
    }
}
