package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A seated delegate takes an office. {@code committeeId} is set for committee offices only. {@code fullTime} means
 * the holder serves full-time from {@code effectiveOn} on.
 */
@Revision("1")
public record OfficeAssigned(String councilId, String delegateId, Office office, String committeeId, boolean fullTime,
                             LocalDate effectiveOn, String basis) {
}
