package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A delegate's mandate ends; from {@code effectiveOn} the delegate no longer counts towards the total. */
@Revision("1")
public record MandateEnded(String councilId, String delegateId, MandateEndReason reason, LocalDate effectiveOn,
                           String basis) {
}
