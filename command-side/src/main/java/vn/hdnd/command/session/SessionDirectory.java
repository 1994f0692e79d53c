package vn.hdnd.command.session;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.hdnd.events.session.SessionScheduled;

import java.util.Optional;

/** Which council a session belongs to, for authorising commands on it: the session's first event says. */
@Component
class SessionDirectory {
    private final EventStore eventStore;

    SessionDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<String> councilOf(String sessionId) {
        DomainEventStream events = eventStore.readEvents(sessionId, 0L);
        return events.hasNext() && events.next().getPayload() instanceof SessionScheduled scheduled
                ? Optional.of(scheduled.councilId())
                : Optional.empty();
    }
}
