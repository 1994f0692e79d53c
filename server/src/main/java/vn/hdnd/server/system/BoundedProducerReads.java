package vn.hdnd.server.system;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The storage engine as Axon's embedded event store sees it, with two changes to the reads that may block, which only
 * the store's shared reader makes: each ends after {@code limit} events, and each starts at least
 * {@code minInterval} after the one before.
 * <p>
 * The shared reader appends what it reads to a list that the processors following the head of the log share, and
 * keeps the list's first node of each read reachable until the read ends. A read ends when it finds nothing new, so
 * during a bulk append it never ended: a million appended events stayed in memory and filled a 1 GiB heap. Reads of
 * {@code limit} events keep at most that many events alive beyond the store's own cache. Everything else is passed
 * through unchanged.
 * <p>
 * The shared reader reads again as soon as a read has found something. Under a steady load of commands each read
 * found an event or two and the next one nothing: reads of the log (each a transaction) outnumbered the commands.
 * Starting reads at most every {@code minInterval} (tens of milliseconds of lag at most) lets the events of that interval
 * arrive in one read; a reader that has caught up still waits for the next commit.
 */
final class BoundedProducerReads implements EventStorageEngine {
    private final EventStorageEngine delegate;
    private final int limit;
    private final long minIntervalNanos;
    /** When the shared reader's last read started; only that one thread reads and writes it. */
    private long lastSharedRead;

    BoundedProducerReads(EventStorageEngine delegate, int limit, Duration minInterval) {
        this.delegate = delegate;
        this.limit = limit;
        this.minIntervalNanos = minInterval.toNanos();
        this.lastSharedRead = System.nanoTime() - minIntervalNanos;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return delegate.readEvents(trackingToken, false);
        }
        long wait = lastSharedRead + minIntervalNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        lastSharedRead = System.nanoTime();
        return delegate.readEvents(trackingToken, true).limit(limit);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
