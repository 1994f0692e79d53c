package vn.hdnd.server.system;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;

/**
 * The ledger processor's source: an event store of its own over the same log (see
 * {@link AxonConfiguration#ledgerEventSource}). Only a message source, not an {@code EventStore}, so that nothing
 * else is injected with it or publishes through it.
 */
final class LedgerEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final CommittedEventStore store;

    LedgerEventSource(CommittedEventStore store) {
        this.store = store;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return store.openStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    void shutDown() {
        store.shutDown();
    }
}
