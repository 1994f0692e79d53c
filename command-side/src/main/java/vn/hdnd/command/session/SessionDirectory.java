package vn.hdnd.command.session;

import org.springframework.stereotype.Component;
import vn.hdnd.command.dispatch.FirstEvents;
import vn.hdnd.events.session.SessionScheduled;

import java.util.Optional;

/** Which council a session belongs to, for authorising commands on it: the session's first event says. */
@Component
class SessionDirectory {
    private final FirstEvents firstEvents;

    SessionDirectory(FirstEvents firstEvents) {
        this.firstEvents = firstEvents;
    }

    Optional<String> councilOf(String sessionId) {
        return firstEvents.of(sessionId).filter(SessionScheduled.class::isInstance).map(SessionScheduled.class::cast)
                .map(SessionScheduled::councilId);
    }
}
