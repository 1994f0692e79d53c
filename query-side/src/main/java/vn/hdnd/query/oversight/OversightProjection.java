package vn.hdnd.query.oversight;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.events.oversight.AgencyResponseRecorded;
import vn.hdnd.events.oversight.ConclusionIssued;
import vn.hdnd.events.oversight.FindingRecorded;
import vn.hdnd.events.oversight.OversightCaseClosed;
import vn.hdnd.events.oversight.OversightCaseOpened;
import vn.hdnd.events.oversight.RecommendationClosed;
import vn.hdnd.events.oversight.RecommendationsReExamined;

import java.util.List;

/**
 * The "oversight" projection: cases, findings, recommendations, responses and re-examination links, each row with
 * its valid date so that queries answer as of any date. It owns the tables of V20__oversight_views.sql; the queries
 * that read them are in {@link OversightQueries}.
 *
 * <p>Every event writes only rows of its own case: events of two cases may be handled in either order by different
 * segments, so links between cases are joined when read, never copied when written.
 */
@Component
@ProcessingGroup(OversightProjection.NAME)
class OversightProjection {
    static final String NAME = "oversight";
    private final JdbcClient jdbc;

    OversightProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OversightCaseOpened e) {
        jdbc.sql("""
                        INSERT INTO oversight_case_view (case_id, council_id, title, scope, conducted_by, committee_id,
                                                         opened_on, re_examination_of)
                        VALUES (:id, :council, :title, :scope, :by, :committee, :on, :of)""")
                .param("id", e.caseId()).param("council", e.councilId()).param("title", e.title())
                .param("scope", e.scope()).param("by", e.conductedBy().name()).param("committee", e.committeeId())
                .param("on", e.openedOn()).param("of", e.reExaminationOf())
                .update();
        List<String> subjects = e.subjects();
        for (int i = 0; i < subjects.size(); i++) {
            jdbc.sql("INSERT INTO oversight_subject_view (case_id, ordinal, agency) VALUES (:id, :n, :agency)")
                    .param("id", e.caseId()).param("n", i + 1).param("agency", subjects.get(i))
                    .update();
        }
    }

    @EventHandler
    void on(FindingRecorded e) {
        jdbc.sql("""
                        INSERT INTO oversight_finding_view (case_id, finding_number, finding_text, recorded_on)
                        VALUES (:id, :n, :text, :on)""")
                .param("id", e.caseId()).param("n", e.number()).param("text", e.text()).param("on", e.recordedOn())
                .update();
    }

    @EventHandler
    void on(ConclusionIssued e) {
        jdbc.sql("""
                        UPDATE oversight_case_view
                           SET conclusion_number = :number, concluded_on = :on, conclusion_summary = :summary
                         WHERE case_id = :id""")
                .param("number", e.number()).param("on", e.issuedOn()).param("summary", e.summary())
                .param("id", e.caseId())
                .update();
        List<ConclusionIssued.Recommendation> recommendations = e.recommendations();
        for (int i = 0; i < recommendations.size(); i++) {
            ConclusionIssued.Recommendation r = recommendations.get(i);
            jdbc.sql("""
                            INSERT INTO oversight_recommendation_view
                                (case_id, recommendation_id, ordinal, addressee, action, due_on, issued_on)
                            VALUES (:id, :rec, :n, :addressee, :action, :due, :on)""")
                    .param("id", e.caseId()).param("rec", r.recommendationId()).param("n", i + 1)
                    .param("addressee", r.addressee()).param("action", r.action()).param("due", r.dueOn())
                    .param("on", e.issuedOn())
                    .update();
        }
    }

    @EventHandler
    void on(AgencyResponseRecorded e, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO oversight_response_view
                            (case_id, event_sequence, recommendation_id, reported_on, report, status)
                        VALUES (:id, :seq, :rec, :on, :report, :status)""")
                .param("id", e.caseId()).param("seq", sequence).param("rec", e.recommendationId())
                .param("on", e.reportedOn()).param("report", e.report()).param("status", e.status().name())
                .update();
    }

    @EventHandler
    void on(RecommendationClosed e) {
        jdbc.sql("""
                        UPDATE oversight_recommendation_view
                           SET closed_on = :on, outcome = :outcome, closure_reason = :reason,
                               closed_by_case_id = :by, superseded_by = :supersededBy
                         WHERE case_id = :id AND recommendation_id = :rec""")
                .param("on", e.closedOn()).param("outcome", e.outcome().name()).param("reason", e.reason())
                .param("by", e.closedByCaseId()).param("supersededBy", e.supersededByRecommendationId())
                .param("id", e.caseId()).param("rec", e.recommendationId())
                .update();
    }

    @EventHandler
    void on(RecommendationsReExamined e) {
        for (String recommendationId : e.recommendationIds()) {
            jdbc.sql("""
                            INSERT INTO oversight_re_examination_view
                                (case_id, recommendation_id, re_examination_case_id, opened_on, reason)
                            VALUES (:id, :rec, :by, :on, :reason)""")
                    .param("id", e.caseId()).param("rec", recommendationId).param("by", e.reExaminationCaseId())
                    .param("on", e.openedOn()).param("reason", e.reason())
                    .update();
        }
    }

    @EventHandler
    void on(OversightCaseClosed e) {
        jdbc.sql("UPDATE oversight_case_view SET closed_on = :on WHERE case_id = :id")
                .param("on", e.closedOn()).param("id", e.caseId())
                .update();
    }

    /** A rebuild replays every event into empty tables. */
    @ResetHandler
    void reset() {
        for (String table : new String[]{"oversight_re_examination_view", "oversight_response_view",
                "oversight_recommendation_view", "oversight_finding_view", "oversight_subject_view",
                "oversight_case_view"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
