package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A session (kỳ họp) is scheduled; {@code number} counts the council's sessions within {@code term}. */
@Revision("1")
public record SessionScheduled(String sessionId, String councilId, String term, int number, SessionKind kind,
                               LocalDate scheduledFor) {
}
