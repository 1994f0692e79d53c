package vn.hdnd.query.oversight;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hdnd.events.oversight.AgencyResponseRecorded;
import vn.hdnd.events.oversight.ConclusionIssued;
import vn.hdnd.events.oversight.FindingRecorded;
import vn.hdnd.events.oversight.OversightCaseClosed;
import vn.hdnd.events.oversight.OversightCaseOpened;
import vn.hdnd.events.oversight.RecommendationClosed;
import vn.hdnd.events.oversight.RecommendationsReExamined;
import vn.hdnd.query.projection.BatchedWrites;
import vn.hdnd.query.projection.BatchedWrites.Statement;

import java.util.List;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

/**
 * The "oversight" projection: cases, findings, recommendations, responses and re-examination links, each row with
 * its valid date so that queries answer as of any date. It owns the tables of V20__oversight_views.sql; the queries
 * that read them are in {@link OversightQueries}.
 *
 * <p>Every event writes only rows of its own case: events of two cases may be handled in either order by different
 * segments, so links between cases are joined when read, never copied when written.
 *
 * <p>Handlers do not write at once: each adds its statements to the batch's {@link BatchedWrites}, sent as JDBC
 * batches when the processor's batch prepares to commit (a finding recorded under load was one statement each).
 */
@Component
@ProcessingGroup(OversightProjection.NAME)
class OversightProjection {
    static final String NAME = "oversight";

    static final Statement OPEN_CASE = new Statement("oversight_case_view", """
            INSERT INTO oversight_case_view (case_id, council_id, title, scope, conducted_by, committee_id, opened_on,
                                             re_examination_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DATE, VARCHAR);
    static final Statement CONCLUDE_CASE = new Statement("oversight_case_view", """
            UPDATE oversight_case_view SET conclusion_number = ?, concluded_on = ?, conclusion_summary = ?
             WHERE case_id = ?""", VARCHAR, DATE, VARCHAR, VARCHAR);
    static final Statement CLOSE_CASE = new Statement("oversight_case_view",
            "UPDATE oversight_case_view SET closed_on = ? WHERE case_id = ?", DATE, VARCHAR);
    static final Statement INSERT_SUBJECT = new Statement("oversight_subject_view",
            "INSERT INTO oversight_subject_view (case_id, ordinal, agency) VALUES (?, ?, ?)", VARCHAR, INTEGER, VARCHAR);
    static final Statement INSERT_FINDING = new Statement("oversight_finding_view", """
            INSERT INTO oversight_finding_view (case_id, finding_number, finding_text, recorded_on)
            VALUES (?, ?, ?, ?)""", VARCHAR, INTEGER, VARCHAR, DATE);
    static final Statement INSERT_RECOMMENDATION = new Statement("oversight_recommendation_view", """
            INSERT INTO oversight_recommendation_view
                (case_id, recommendation_id, ordinal, addressee, action, due_on, issued_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, DATE, DATE);
    static final Statement CLOSE_RECOMMENDATION = new Statement("oversight_recommendation_view", """
            UPDATE oversight_recommendation_view
               SET closed_on = ?, outcome = ?, closure_reason = ?, closed_by_case_id = ?, superseded_by = ?
             WHERE case_id = ? AND recommendation_id = ?""",
            DATE, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR);
    static final Statement INSERT_RESPONSE = new Statement("oversight_response_view", """
            INSERT INTO oversight_response_view (case_id, event_sequence, recommendation_id, reported_on, report, status)
            VALUES (?, ?, ?, ?, ?, ?)""", VARCHAR, BIGINT, VARCHAR, DATE, VARCHAR, VARCHAR);
    static final Statement INSERT_RE_EXAMINATION = new Statement("oversight_re_examination_view", """
            INSERT INTO oversight_re_examination_view
                (case_id, recommendation_id, re_examination_case_id, opened_on, reason)
            VALUES (?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, DATE, VARCHAR);

    private final JdbcTemplate jdbc;

    OversightProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OversightCaseOpened e) {
        BatchedWrites writes = writes();
        writes.add(OPEN_CASE, e.caseId(), e.councilId(), e.title(), e.scope(), e.conductedBy().name(),
                e.committeeId(), e.openedOn(), e.reExaminationOf());
        List<String> subjects = e.subjects();
        for (int i = 0; i < subjects.size(); i++) {
            writes.add(INSERT_SUBJECT, e.caseId(), i + 1, subjects.get(i));
        }
    }

    @EventHandler
    void on(FindingRecorded e) {
        writes().add(INSERT_FINDING, e.caseId(), e.number(), e.text(), e.recordedOn());
    }

    @EventHandler
    void on(ConclusionIssued e) {
        BatchedWrites writes = writes();
        writes.add(CONCLUDE_CASE, e.number(), e.issuedOn(), e.summary(), e.caseId());
        List<ConclusionIssued.Recommendation> recommendations = e.recommendations();
        for (int i = 0; i < recommendations.size(); i++) {
            ConclusionIssued.Recommendation r = recommendations.get(i);
            writes.add(INSERT_RECOMMENDATION, e.caseId(), r.recommendationId(), i + 1, r.addressee(), r.action(),
                    r.dueOn(), e.issuedOn());
        }
    }

    @EventHandler
    void on(AgencyResponseRecorded e, @SequenceNumber long sequence) {
        writes().add(INSERT_RESPONSE, e.caseId(), sequence, e.recommendationId(), e.reportedOn(), e.report(),
                e.status().name());
    }

    @EventHandler
    void on(RecommendationClosed e) {
        writes().add(CLOSE_RECOMMENDATION, e.closedOn(), e.outcome().name(), e.reason(), e.closedByCaseId(),
                e.supersededByRecommendationId(), e.caseId(), e.recommendationId());
    }

    @EventHandler
    void on(RecommendationsReExamined e) {
        BatchedWrites writes = writes();
        for (String recommendationId : e.recommendationIds()) {
            writes.add(INSERT_RE_EXAMINATION, e.caseId(), recommendationId, e.reExaminationCaseId(), e.openedOn(),
                    e.reason());
        }
    }

    @EventHandler
    void on(OversightCaseClosed e) {
        writes().add(CLOSE_CASE, e.closedOn(), e.caseId());
    }

    private BatchedWrites writes() {
        return BatchedWrites.ofCurrentBatch(OversightProjection.class, jdbc);
    }

    /** A rebuild replays every event into empty tables. */
    @ResetHandler
    void reset() {
        for (String table : new String[]{"oversight_re_examination_view", "oversight_response_view",
                "oversight_recommendation_view", "oversight_finding_view", "oversight_subject_view",
                "oversight_case_view"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
