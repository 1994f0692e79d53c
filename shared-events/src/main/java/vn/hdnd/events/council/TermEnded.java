package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The open term ends; its delegates' mandates end with it (recorded as separate {@link MandateEnded} events). */
@Revision("1")
public record TermEnded(String councilId, String term, LocalDate endsOn) {
}
