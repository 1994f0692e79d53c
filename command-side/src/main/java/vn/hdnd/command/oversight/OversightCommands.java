package vn.hdnd.command.oversight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.hdnd.events.oversight.ConclusionIssued.OriginalClosure;
import vn.hdnd.events.oversight.ConclusionIssued.Recommendation;
import vn.hdnd.events.oversight.ConductingBody;
import vn.hdnd.events.oversight.RecommendationOutcome;
import vn.hdnd.events.oversight.ResponseStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands on oversight cases. {@code expectedVersion} carries the client's {@code If-Match}; null means "any
 * version". {@link ReExamine} and {@link ConcludeCase} touch two cases and go through {@link OversightCoordinator}.
 */
final class OversightCommands {
    private OversightCommands() {
    }

    /** Opens a case; {@code reExaminationOf} and its recommendation ids are set only by a re-examination. */
    record OpenCase(@TargetAggregateIdentifier String caseId, String councilId, String title, String scope,
                    ConductingBody conductedBy, String committeeId, List<String> subjects, LocalDate openedOn,
                    String reExaminationOf, List<String> reExaminedRecommendationIds) {
    }

    record RecordFinding(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                         String text, LocalDate recordedOn) {
    }

    /** Sent by the coordinator, after the original recommendations it {@link #decisions() decides on} are closed. */
    record IssueConclusion(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                           String number, LocalDate issuedOn, String summary, List<Recommendation> recommendations,
                           List<OriginalClosure> closes) {

        /**
         * What this conclusion decides on the re-examined case's recommendations: those a new recommendation
         * supersedes, then those it closes. Empty for a first oversight's conclusion.
         */
        List<OriginalDecision> decisions() {
            List<OriginalDecision> decisions = new ArrayList<>();
            for (Recommendation r : recommendations) {
                r.supersedes().forEach(original -> decisions.add(new OriginalDecision(original,
                        RecommendationOutcome.SUPERSEDED,
                        "Thay thế bởi kiến nghị " + r.recommendationId() + " của kết luận " + number,
                        r.recommendationId())));
            }
            closes.forEach(c -> decisions.add(new OriginalDecision(c.recommendationId(), c.outcome(), c.reason(),
                    null)));
            return decisions;
        }
    }

    record RecordResponse(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                          String recommendationId, LocalDate reportedOn, String report, ResponseStatus status) {
    }

    record CloseRecommendation(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                               String recommendationId, RecommendationOutcome outcome, LocalDate closedOn,
                               String reason) {
    }

    /** Sent by the coordinator to the original case; answers the {@link ReExaminationBasis} for the new case. */
    record RecordReExamination(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                               String reExaminationCaseId, List<String> recommendationIds, String reason,
                               LocalDate openedOn) {
    }

    /** Sent by the coordinator to the original case: what a re-examination's conclusion decided on its ones. */
    record CloseReExaminedRecommendations(@TargetAggregateIdentifier String caseId, String byCaseId,
                                          LocalDate closedOn, List<OriginalDecision> decisions) {
    }

    record CloseCase(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                     LocalDate closedOn) {
    }

    /** A re-examination: records the link on the original case and opens the new one, both or neither. */
    record ReExamine(String caseId, Long expectedVersion, String newCaseId, List<String> recommendationIds,
                     String reason, LocalDate openedOn, String title, String scope, ConductingBody conductedBy,
                     String committeeId, List<String> subjects) {
    }

    /** A conclusion, with whatever it decides on the original case of a re-examination, both or neither. */
    record ConcludeCase(IssueConclusion conclusion) {
    }

    /** What the original case tells the coordinator about itself, to open the re-examination case. */
    record ReExaminationBasis(String councilId, String title, ConductingBody conductedBy, String committeeId,
                              List<String> addressees) {
    }

    /** One original recommendation closed by a re-examination; {@code supersededBy} is a new recommendation's id. */
    record OriginalDecision(String recommendationId, RecommendationOutcome outcome, String reason,
                            String supersededBy) {
    }
}
