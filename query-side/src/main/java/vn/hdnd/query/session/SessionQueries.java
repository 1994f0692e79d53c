package vn.hdnd.query.session;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the "sessions" projection: sessions with their attendance and motions, votes and ballots. */
@Component
class SessionQueries {
    private static final String SESSION_COLUMNS = """
            SELECT session_id, council_id, term, session_number, kind, scheduled_for, convened_on, seated_delegates,
                   adjourned_on
              FROM session_view""";

    /** How a motion was voted: the counts, the denominator (delegates seated on the vote date) and the rule. */
    record Vote(int yes, int no, int abstain, int totalDelegates, String rule, String ruleSet, String outcome,
                LocalDate votedOn) {
    }

    record BallotView(String delegateId, String choice) {
    }

    /** {@code outcome}: PENDING until voted, then ADOPTED or REJECTED. {@code ballots} only in a session's detail. */
    record MotionView(String id, String title, String kind, String outcome, String resolutionId,
                      String resolutionNumber, String delegateId, List<String> amends, List<String> repeals,
                      Vote vote, List<BallotView> ballots) {
        MotionView withBallots(List<BallotView> cast) {
            return new MotionView(id, title, kind, outcome, resolutionId, resolutionNumber, delegateId, amends, repeals,
                    vote, cast);
        }
    }

    /** Present delegates, and the delegates whose mandate was valid on the convening day. */
    record Attendance(int present, int totalDelegates, int absent) {
    }

    /** {@code status}: SCHEDULED, CONVENED or ADJOURNED. */
    record SessionView(String id, String councilId, String term, int number, String kind, String status,
                       LocalDate scheduledFor, LocalDate convenedOn, LocalDate adjournedOn,
                       List<String> presentDelegateIds, Attendance attendance, List<MotionView> motions) {
    }

    private record Row(String id, String councilId, String term, int number, String kind, LocalDate scheduledFor,
                       LocalDate convenedOn, Integer seated, LocalDate adjournedOn) {
    }

    private final JdbcClient jdbc;

    SessionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SessionView> list(String councilId) {
        List<Row> rows = councilId == null
                ? jdbc.sql(SESSION_COLUMNS + " ORDER BY council_id, scheduled_for, session_number")
                .query(SessionQueries::row).list()
                : jdbc.sql(SESSION_COLUMNS + " WHERE council_id = :council ORDER BY scheduled_for, session_number")
                .param("council", councilId).query(SessionQueries::row).list();
        return assemble(rows, false);
    }

    Optional<SessionView> find(String sessionId) {
        return jdbc.sql(SESSION_COLUMNS + " WHERE session_id = :id").param("id", sessionId)
                .query(SessionQueries::row).optional()
                .map(row -> assemble(List.of(row), true).get(0));
    }

    private List<SessionView> assemble(List<Row> rows, boolean withBallots) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<String>> present = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT session_id, delegate_id FROM session_attendance_view
                         WHERE session_id IN (:ids) ORDER BY session_id, seq""")
                .param("ids", ids)
                .query(rs -> {
                    present.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, List<MotionView>> motions = new LinkedHashMap<>();
        Set<String> byBallot = new HashSet<>();
        jdbc.sql("SELECT * FROM motion_view WHERE session_id IN (:ids) ORDER BY session_id, tabled_seq")
                .param("ids", ids)
                .query(rs -> {
                    String sessionId = rs.getString("session_id");
                    motions.computeIfAbsent(sessionId, k -> new ArrayList<>()).add(motion(rs));
                    if (rs.getBoolean("has_ballots")) {
                        byBallot.add(sessionId + "/" + rs.getString("motion_id"));
                    }
                });
        if (withBallots) {
            motions.forEach((sessionId, list) -> list.replaceAll(m -> byBallot.contains(sessionId + "/" + m.id())
                    ? m.withBallots(ballots(sessionId, m.id())) : m));
        }
        return rows.stream().map(r -> {
            List<String> here = present.getOrDefault(r.id(), List.of());
            String status = r.adjournedOn() != null ? "ADJOURNED" : r.convenedOn() != null ? "CONVENED" : "SCHEDULED";
            Attendance attendance = r.seated() == null ? null
                    : new Attendance(here.size(), r.seated(), r.seated() - here.size());
            return new SessionView(r.id(), r.councilId(), r.term(), r.number(), r.kind(), status, r.scheduledFor(),
                    r.convenedOn(), r.adjournedOn(), here, attendance, motions.getOrDefault(r.id(), List.of()));
        }).toList();
    }

    private List<BallotView> ballots(String sessionId, String motionId) {
        return jdbc.sql("""
                        SELECT delegate_id, choice FROM ballot_view
                         WHERE session_id = :session AND motion_id = :motion ORDER BY delegate_id""")
                .param("session", sessionId).param("motion", motionId)
                .query((rs, n) -> new BallotView(rs.getString(1), rs.getString(2)))
                .list();
    }

    private static MotionView motion(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        Vote vote = outcome == null ? null : new Vote(rs.getInt("yes_count"), rs.getInt("no_count"),
                rs.getInt("abstain_count"), rs.getInt("total_delegates"), rs.getString("voting_rule"),
                rs.getString("rule_set"), outcome, rs.getObject("voted_on", LocalDate.class));
        return new MotionView(rs.getString("motion_id"), rs.getString("title"), rs.getString("kind"),
                outcome == null ? "PENDING" : outcome, rs.getString("resolution_id"),
                rs.getString("resolution_number"), rs.getString("delegate_id"), split(rs.getString("amends")),
                split(rs.getString("repeals")), vote, null);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Object seated = rs.getObject("seated_delegates");
        return new Row(rs.getString("session_id"), rs.getString("council_id"), rs.getString("term"),
                rs.getInt("session_number"), rs.getString("kind"), rs.getObject("scheduled_for", LocalDate.class),
                rs.getObject("convened_on", LocalDate.class), seated == null ? null : ((Number) seated).intValue(),
                rs.getObject("adjourned_on", LocalDate.class));
    }
}
