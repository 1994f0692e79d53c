package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A term (nhiệm kỳ, e.g. "2021-2026") opens with a fixed number of seats. */
@Revision("1")
public record TermOpened(String councilId, String term, int seats, LocalDate startsOn) {
}
