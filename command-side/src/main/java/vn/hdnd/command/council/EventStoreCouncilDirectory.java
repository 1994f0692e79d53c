package vn.hdnd.command.council;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.Tier;

import java.util.Optional;

/** Reads a council's first event; a council's tier never changes, so the first event is enough. */
@Component
class EventStoreCouncilDirectory implements CouncilDirectory {
    private final EventStore eventStore;

    EventStoreCouncilDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Tier> tierOf(String councilId) {
        var events = eventStore.readEvents(councilId);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        return events.next().getPayload() instanceof CouncilEstablished established
                ? Optional.of(established.tier())
                : Optional.empty();
    }
}
