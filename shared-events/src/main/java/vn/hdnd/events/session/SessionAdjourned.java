package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The session closes (bế mạc); nothing more is tabled or voted in it. */
@Revision("1")
public record SessionAdjourned(String sessionId, String councilId, LocalDate adjournedOn) {
}
