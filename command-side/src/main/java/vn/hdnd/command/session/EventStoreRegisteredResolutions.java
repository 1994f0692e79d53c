package vn.hdnd.command.session;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.hdnd.events.session.ResolutionAdopted;
import vn.hdnd.events.session.ResolutionRepealed;

import java.util.HashMap;
import java.util.Map;

/** Replays the council's register stream. */
@Component
class EventStoreRegisteredResolutions implements RegisteredResolutions {
    private final EventStore eventStore;

    EventStoreRegisteredResolutions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Map<String, Registered> of(String councilId) {
        Map<String, Registered> resolutions = new HashMap<>();
        DomainEventStream events = eventStore.readEvents(CouncilRegister.idOf(councilId), 0L);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof ResolutionAdopted e) {
                resolutions.put(e.resolutionId(), new Registered(e.number(), e.adoptedOn(), false));
            } else if (payload instanceof ResolutionRepealed e) {
                resolutions.computeIfPresent(e.resolutionId(),
                        (id, r) -> new Registered(r.number(), r.adoptedOn(), true));
            }
        }
        return resolutions;
    }
}
