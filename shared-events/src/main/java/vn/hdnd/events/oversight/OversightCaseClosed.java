package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The case is closed from {@code closedOn} on: every recommendation of it was closed by then. */
@Revision("1")
public record OversightCaseClosed(String caseId, LocalDate closedOn) {
}
