package vn.hdnd.events.oversight;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The oversight conclusion (kết luận giám sát), issued once: its number, summary and recommendations. A
 * re-examination's conclusion may also decide on the original recommendations it re-examined: {@code closes} them
 * with an outcome, or a new recommendation {@code supersedes} them. Those decisions land on the original case as
 * {@link RecommendationClosed} events in the same transaction.
 */
@Revision("1")
public record ConclusionIssued(String caseId, String number, LocalDate issuedOn, String summary,
                               List<Recommendation> recommendations, List<OriginalClosure> closes) {

    /** A recommendation (kiến nghị) to an agency, due on {@code dueOn}; {@code supersedes} names original ones. */
    public record Recommendation(String recommendationId, String addressee, String action, LocalDate dueOn,
                                 List<String> supersedes) {
    }

    /** An original recommendation closed by this conclusion. */
    public record OriginalClosure(String recommendationId, RecommendationOutcome outcome, String reason) {
    }
}
