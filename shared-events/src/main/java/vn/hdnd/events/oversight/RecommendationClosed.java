package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A recommendation is closed from {@code closedOn} on, with its outcome and the reason. When a re-examination's
 * conclusion closed it, {@code closedByCaseId} names that case, and {@code supersededByRecommendationId} the
 * recommendation of that case which replaces it (outcome {@code SUPERSEDED}).
 */
@Revision("1")
public record RecommendationClosed(String caseId, String recommendationId, RecommendationOutcome outcome,
                                   LocalDate closedOn, String reason, String closedByCaseId,
                                   String supersededByRecommendationId) {
}
