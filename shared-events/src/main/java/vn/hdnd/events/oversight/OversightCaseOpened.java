package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An oversight case (giám sát) of a council opens. {@code committeeId} is set when a committee conducts it;
 * {@code subjects} are the supervised agencies. A re-examination (tái giám sát) names the case it re-examines in
 * {@code reExaminationOf} and the recommendations of that case it checks in {@code reExaminedRecommendationIds};
 * both are null/empty for a first oversight.
 */
@Revision("1")
public record OversightCaseOpened(String caseId, String councilId, String title, String scope,
                                  ConductingBody conductedBy, String committeeId, List<String> subjects,
                                  LocalDate openedOn, String reExaminationOf,
                                  List<String> reExaminedRecommendationIds) {
}
