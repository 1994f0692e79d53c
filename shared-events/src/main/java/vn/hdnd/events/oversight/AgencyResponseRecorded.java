package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An agency's report on a recommendation, as of {@code reportedOn}. Responses accumulate; none is ever replaced. */
@Revision("1")
public record AgencyResponseRecorded(String caseId, String recommendationId, LocalDate reportedOn, String report,
                                     ResponseStatus status) {
}
