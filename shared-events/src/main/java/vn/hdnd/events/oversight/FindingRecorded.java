package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A finding of the case, numbered from 1 in the order recorded. */
@Revision("1")
public record FindingRecorded(String caseId, int number, String text, LocalDate recordedOn) {
}
