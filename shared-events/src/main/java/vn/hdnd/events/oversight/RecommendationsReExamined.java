package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations of this case are re-examined (tái giám sát) by the new case {@code reExaminationCaseId}, opened on
 * {@code openedOn}. The new case's {@link OversightCaseOpened} carries the link the other way.
 */
@Revision("1")
public record RecommendationsReExamined(String caseId, String reExaminationCaseId, List<String> recommendationIds,
                                        String reason, LocalDate openedOn) {
}
