package vn.hdnd.command.oversight;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.hdnd.command.dispatch.FirstEvents;
import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.oversight.OversightCaseOpened;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads councils and cases from the event store, in the command's own transaction: a council's stream for its dates
 * and committees, and a case's first event for its council (which decides who may command the case) and for the case
 * it re-examines.
 */
@Component
class EventStoreOversightDirectory implements CouncilLookup {
    private final EventStore eventStore;
    private final FirstEvents firstEvents;

    EventStoreOversightDirectory(EventStore eventStore, FirstEvents firstEvents) {
        this.eventStore = eventStore;
        this.firstEvents = firstEvents;
    }

    @Override
    public Optional<CouncilFacts> find(String councilId) {
        DomainEventStream events = eventStore.readEvents(councilId);
        if (!events.hasNext() || !(events.peek().getPayload() instanceof CouncilEstablished established)) {
            return Optional.empty();
        }
        LocalDate dissolvedOn = null;
        Map<String, LocalDate> committees = new HashMap<>();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof CommitteeFormed formed) {
                committees.put(formed.committeeId(), formed.formedOn());
            } else if (event.getPayload() instanceof CouncilDissolved dissolved) {
                dissolvedOn = dissolved.effectiveOn();
            }
        }
        return Optional.of(new CouncilFacts(established.establishedOn(), dissolvedOn, Map.copyOf(committees)));
    }

    boolean councilExists(String councilId) {
        DomainEventStream events = eventStore.readEvents(councilId);
        return events.hasNext() && events.next().getPayload() instanceof CouncilEstablished;
    }

    /** How a case was opened (its council, and the case it re-examines); empty when no such case is in the record. */
    Optional<OversightCaseOpened> opening(String caseId) {
        return firstEvents.of(caseId).filter(OversightCaseOpened.class::isInstance)
                .map(OversightCaseOpened.class::cast);
    }
}
