package vn.hdnd.query.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.events.session.Ballot;
import vn.hdnd.events.session.MotionBecameResolution;
import vn.hdnd.events.session.MotionTabled;
import vn.hdnd.events.session.SessionAdjourned;
import vn.hdnd.events.session.SessionConvened;
import vn.hdnd.events.session.SessionScheduled;
import vn.hdnd.events.session.VoteRecorded;

import java.util.ArrayList;
import java.util.List;

/**
 * The "sessions" projection: sessions, attendance, motions with their votes, and ballots. It owns the tables of
 * V10__session_views.sql; {@link SessionQueries} reads them, and the resolution queries read the votes.
 */
@Component
@ProcessingGroup(SessionProjection.NAME)
class SessionProjection {
    static final String NAME = "sessions";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SessionProjection(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(SessionScheduled e) {
        jdbc.sql("""
                        INSERT INTO session_view
                            (session_id, council_id, term, session_number, kind, scheduled_for)
                        VALUES (:id, :council, :term, :number, :kind, :on)""")
                .param("id", e.sessionId()).param("council", e.councilId()).param("term", e.term())
                .param("number", e.number()).param("kind", e.kind().name()).param("on", e.scheduledFor())
                .update();
    }

    @EventHandler
    void on(SessionConvened e) {
        jdbc.sql("UPDATE session_view SET convened_on = :on, seated_delegates = :seated WHERE session_id = :id")
                .param("on", e.convenedOn()).param("seated", e.totalDelegates()).param("id", e.sessionId())
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < e.presentDelegateIds().size(); i++) {
            rows.add(new Object[] {e.sessionId(), e.presentDelegateIds().get(i), i});
        }
        batch.batchUpdate("INSERT INTO session_attendance_view (session_id, delegate_id, seq) VALUES (?, ?, ?)",
                rows);
    }

    @EventHandler
    void on(MotionTabled e, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO motion_view
                            (session_id, motion_id, council_id, tabled_seq, title, kind, amends, repeals, delegate_id,
                             has_ballots)
                        VALUES (:session, :motion, :council, :seq, :title, :kind, :amends, :repeals, :delegate,
                                FALSE)""")
                .param("session", e.sessionId()).param("motion", e.motionId()).param("council", e.councilId())
                .param("seq", sequence).param("title", e.title()).param("kind", e.kind().name())
                .param("amends", joined(e.amends())).param("repeals", joined(e.repeals()))
                .param("delegate", e.delegateId())
                .update();
    }

    @EventHandler
    void on(VoteRecorded e) {
        jdbc.sql("""
                        UPDATE motion_view
                           SET voted_on = :on, yes_count = :yes, no_count = :no, abstain_count = :abstain,
                               total_delegates = :total, voting_rule = :rule, rule_set = :ruleSet, outcome = :outcome,
                               has_ballots = :ballots
                         WHERE session_id = :session AND motion_id = :motion""")
                .param("on", e.votedOn()).param("yes", e.yes()).param("no", e.no()).param("abstain", e.abstain())
                .param("total", e.totalDelegates()).param("rule", e.rule().name()).param("ruleSet", e.ruleSet())
                .param("outcome", e.outcome().name()).param("ballots", e.ballots() != null)
                .param("session", e.sessionId()).param("motion", e.motionId())
                .update();
        if (e.ballots() != null && !e.ballots().isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            for (Ballot b : e.ballots()) {
                rows.add(new Object[] {e.sessionId(), e.motionId(), b.delegateId(), b.choice().name()});
            }
            batch.batchUpdate("""
                    INSERT INTO ballot_view (session_id, motion_id, delegate_id, choice) VALUES (?, ?, ?, ?)""", rows);
        }
    }

    @EventHandler
    void on(MotionBecameResolution e) {
        jdbc.sql("""
                        UPDATE motion_view SET resolution_id = :resolution, resolution_number = :number
                         WHERE session_id = :session AND motion_id = :motion""")
                .param("resolution", e.resolutionId()).param("number", e.number())
                .param("session", e.sessionId()).param("motion", e.motionId())
                .update();
    }

    @EventHandler
    void on(SessionAdjourned e) {
        jdbc.sql("UPDATE session_view SET adjourned_on = :on WHERE session_id = :id")
                .param("on", e.adjournedOn()).param("id", e.sessionId())
                .update();
    }

    private static String joined(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : String.join(",", ids);
    }

    /** A rebuild replays every event into empty tables. */
    @ResetHandler
    void reset() {
        for (String table : new String[] {"ballot_view", "motion_view", "session_attendance_view", "session_view"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
