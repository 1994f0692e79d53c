package vn.hdnd.command.session;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.TermEnded;
import vn.hdnd.events.council.TermOpened;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays the council's own event stream (in the command's transaction, so it sees what is committed) into a
 * {@link Roster}. A council has at most a few hundred events, so no cache is needed. It reads the events from the
 * first, never a snapshot, whose payload would be the council aggregate rather than its events.
 */
@Component
class EventStoreCouncilRoster implements CouncilRoster {
    private final EventStore eventStore;

    EventStoreCouncilRoster(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Roster> of(String councilId) {
        DomainEventStream events = eventStore.readEvents(councilId, 0L);
        LocalDate establishedOn = null;
        LocalDate dissolvedOn = null;
        List<Roster.Term> terms = new ArrayList<>();
        Map<String, Roster.Mandate> mandates = new HashMap<>();
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof CouncilEstablished e) {
                establishedOn = e.establishedOn();
            } else if (payload instanceof TermOpened e) {
                terms.add(new Roster.Term(e.term(), e.startsOn(), null));
            } else if (payload instanceof TermEnded e) {
                terms.replaceAll(t -> t.term().equals(e.term()) && t.endsOn() == null
                        ? new Roster.Term(t.term(), t.startsOn(), e.endsOn()) : t);
            } else if (payload instanceof DelegateSeated e) {
                mandates.put(e.delegateId(), new Roster.Mandate(e.seatedOn(), null));
            } else if (payload instanceof MandateEnded e) {
                mandates.computeIfPresent(e.delegateId(), (id, m) -> new Roster.Mandate(m.seatedOn(), e.effectiveOn()));
            } else if (payload instanceof CouncilDissolved e) {
                dissolvedOn = e.effectiveOn();
            }
        }
        if (establishedOn == null) {
            return Optional.empty();
        }
        return Optional.of(new Roster(councilId, establishedOn, dissolvedOn, terms, mandates));
    }
}
