package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An office holder leaves the office (also emitted when the holder's mandate ends). */
@Revision("1")
public record OfficeVacated(String councilId, String delegateId, Office office, String committeeId,
                            LocalDate effectiveOn, String basis) {
}
