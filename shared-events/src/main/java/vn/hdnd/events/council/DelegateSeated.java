package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A delegate (đại biểu) takes a seat; {@code fullTime} is chuyên trách, otherwise kiêm nhiệm. */
@Revision("1")
public record DelegateSeated(String councilId, String delegateId, String fullName, boolean fullTime,
                             String constituency, String term, LocalDate seatedOn) {
}
