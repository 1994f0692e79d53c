package vn.hdnd.query.oversight;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.query.council.CouncilQueries;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the "oversight" projection as valid on a date {@code d}. A case exists from its opening, a recommendation
 * from its conclusion, a response from its report date, a closure from its closing date. A recommendation is
 * <em>open</em> on {@code d} until it is closed (with any outcome), and <em>overdue</em> when it is open and its due
 * date has passed ({@code dueOn < d}: on the due date itself it is still in time). Nothing of this is stored as a
 * flag: it is computed for the date asked.
 */
@Component
public class OversightQueries {
    private static final String OPEN = "(r.closed_on IS NULL OR r.closed_on > :d)";
    private static final String CLOSED_AS = "r.closed_on <= :d AND r.outcome = ";

    public record Conclusion(String number, LocalDate issuedOn, String summary) {
    }

    public record Finding(int number, String text, LocalDate recordedOn) {
    }

    public record Response(LocalDate reportedOn, String report, String status) {
    }

    /** A recommendation of another case: the one this one replaced, or the one that replaced it. */
    public record Link(String caseId, String recommendationId) {
    }

    /**
     * A recommendation as on a date. {@code status} is {@code OPEN} before any response, then the last response's
     * status until the recommendation is closed, then its outcome.
     */
    public record Recommendation(String id, String addressee, String action, LocalDate dueOn, LocalDate issuedOn,
                                 String status, boolean overdue, boolean closed, String outcome, LocalDate closedOn,
                                 String closureReason, String closedByCaseId, Link supersededBy, List<Link> supersedes,
                                 List<String> reExaminedBy, List<Response> responses) {
    }

    /** A case as on a date; {@code findings} and each recommendation's {@code responses} only in the detail. */
    public record Case(String id, String councilId, String title, String scope, String conductedBy, String committeeId,
                       List<String> subjects, LocalDate openedOn, String status, LocalDate closedOn,
                       Conclusion conclusion, String reExaminationOf, List<String> reExaminedRecommendationIds,
                       List<String> reExaminedBy, List<Finding> findings, List<Recommendation> recommendations) {
        boolean overdue() {
            return recommendations.stream().anyMatch(Recommendation::overdue);
        }
    }

    /** One case of a re-examination chain: depth 0 is the first oversight, 1 its re-examination, and so on. */
    public record ChainLink(String id, int depth, String title, LocalDate openedOn, String status,
                            String reExaminationOf, List<String> reExaminedRecommendationIds) {
    }

    /** The dashboard's block. {@code open} includes the overdue ones. */
    public record RecommendationCounts(int open, int overdue, int implemented, int notImplemented, int superseded,
                                       int withdrawn) {
    }

    /**
     * One agency's record. {@code implementationRate} = implemented / (implemented + not implemented + overdue): of the
     * recommendations that were decided or are late, the share implemented; null when there are none yet.
     */
    public record AgencyFigures(String agency, int recommendations, int open, int overdue, int implemented,
                                int notImplemented, int superseded, int withdrawn, Double implementationRate) {
    }

    private final JdbcClient jdbc;

    OversightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which cases a read covers: open on {@code d}, of the tree of {@code root} (when set), or just one case. */
    private record Scope(String root, String caseId, LocalDate d) {
        String with() {
            return root == null ? "" : CouncilQueries.TREE;
        }

        /** Conditions on the case aliased {@code c}. */
        String cases() {
            return "c.opened_on <= :d"
                    + (root == null ? "" : " AND c.council_id IN (SELECT council_id FROM tree)")
                    + (caseId == null ? "" : " AND c.case_id = :id");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            sql = sql.param("d", Date.valueOf(d));
            if (root != null) {
                sql = sql.param("root", root);
            }
            return caseId == null ? sql : sql.param("id", caseId);
        }
    }

    /** The cases of the council {@code root} and every council below it (all cases when null), as on {@code d}. */
    public List<Case> list(String root, LocalDate d) {
        return load(new Scope(root, null, d), false);
    }

    public Optional<Case> find(String caseId, LocalDate d) {
        return load(new Scope(null, caseId, d), true).stream().findFirst();
    }

    public Optional<Recommendation> recommendation(String caseId, String recommendationId, LocalDate d) {
        return find(caseId, d).flatMap(c -> c.recommendations().stream()
                .filter(r -> r.id().equals(recommendationId)).findFirst());
    }

    private List<Case> load(Scope scope, boolean detail) {
        Map<String, List<String>> subjects = new HashMap<>();
        scope.bind(jdbc.sql(scope.with() + """
                        SELECT s.case_id, s.agency FROM oversight_subject_view s
                          JOIN oversight_case_view c ON c.case_id = s.case_id
                         WHERE %s ORDER BY s.case_id, s.ordinal""".formatted(scope.cases())))
                .query(rs -> {
                    subjects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        // Re-examination links, both ways, once the re-examination has opened.
        Map<String, List<String>> reExaminedBy = new HashMap<>();
        Map<String, List<String>> reExamines = new HashMap<>();
        scope.bind(jdbc.sql(scope.with() + """
                        SELECT x.case_id, x.recommendation_id, x.re_examination_case_id
                          FROM oversight_re_examination_view x
                          JOIN oversight_case_view c ON c.case_id = x.case_id OR c.case_id = x.re_examination_case_id
                         WHERE x.opened_on <= :d AND %s
                         ORDER BY x.opened_on, x.re_examination_case_id, x.recommendation_id"""
                        .formatted(scope.cases())))
                .query(rs -> {
                    String original = rs.getString(1);
                    String newCase = rs.getString(3);
                    addOnce(reExaminedBy, original + "/" + rs.getString(2), newCase);
                    addOnce(reExaminedBy, original, newCase);
                    addOnce(reExamines, newCase, rs.getString(2));
                });
        Map<String, List<Link>> supersedes = new HashMap<>();
        scope.bind(jdbc.sql(scope.with() + """
                        SELECT r.closed_by_case_id, r.superseded_by, r.case_id, r.recommendation_id
                          FROM oversight_recommendation_view r
                          JOIN oversight_case_view c ON c.case_id = r.closed_by_case_id
                         WHERE r.superseded_by IS NOT NULL AND r.closed_on <= :d AND %s
                         ORDER BY r.case_id, r.ordinal""".formatted(scope.cases())))
                .query(rs -> {
                    supersedes.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new Link(rs.getString(3), rs.getString(4)));
                });
        Map<String, List<Response>> responses = new HashMap<>();
        if (detail) {
            scope.bind(jdbc.sql(scope.with() + """
                            SELECT s.case_id, s.recommendation_id, s.reported_on, s.report, s.status
                              FROM oversight_response_view s
                              JOIN oversight_case_view c ON c.case_id = s.case_id
                             WHERE s.reported_on <= :d AND %s
                             ORDER BY s.reported_on, s.event_sequence""".formatted(scope.cases())))
                    .query(rs -> {
                        responses.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                                .add(new Response(rs.getObject(3, LocalDate.class), rs.getString(4),
                                        rs.getString(5)));
                    });
        }
        Map<String, List<Recommendation>> recommendations = new HashMap<>();
        scope.bind(jdbc.sql(scope.with() + """
                        SELECT r.case_id, r.recommendation_id, r.addressee, r.action, r.due_on, r.issued_on,
                               r.closed_on, r.outcome, r.closure_reason, r.closed_by_case_id, r.superseded_by,
                               (SELECT s.status FROM oversight_response_view s
                                 WHERE s.case_id = r.case_id AND s.recommendation_id = r.recommendation_id
                                   AND s.reported_on <= :d
                                 ORDER BY s.reported_on DESC, s.event_sequence DESC
                                 FETCH FIRST 1 ROWS ONLY) AS reported_status
                          FROM oversight_recommendation_view r
                          JOIN oversight_case_view c ON c.case_id = r.case_id
                         WHERE r.issued_on <= :d AND %s
                         ORDER BY r.case_id, r.ordinal""".formatted(scope.cases())))
                .query(rs -> {
                    String key = rs.getString("case_id") + "/" + rs.getString("recommendation_id");
                    recommendations.computeIfAbsent(rs.getString("case_id"), k -> new ArrayList<>())
                            .add(recommendation(rs, scope.d(), supersedes.getOrDefault(key, List.of()),
                                    reExaminedBy.getOrDefault(key, List.of()),
                                    detail ? responses.getOrDefault(key, List.of()) : null));
                });
        Map<String, List<Finding>> findings = new HashMap<>();
        if (detail) {
            scope.bind(jdbc.sql(scope.with() + """
                            SELECT f.case_id, f.finding_number, f.finding_text, f.recorded_on
                              FROM oversight_finding_view f
                              JOIN oversight_case_view c ON c.case_id = f.case_id
                             WHERE f.recorded_on <= :d AND %s
                             ORDER BY f.finding_number""".formatted(scope.cases())))
                    .query(rs -> {
                        findings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Finding(rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
                    });
        }
        return scope.bind(jdbc.sql(scope.with() + """
                        SELECT c.case_id, c.council_id, c.title, c.scope, c.conducted_by, c.committee_id,
                               c.opened_on, c.re_examination_of, c.conclusion_number, c.concluded_on,
                               c.conclusion_summary, c.closed_on
                          FROM oversight_case_view c
                         WHERE %s
                         ORDER BY c.opened_on, c.case_id""".formatted(scope.cases())))
                .query((rs, n) -> {
                    String id = rs.getString("case_id");
                    LocalDate concludedOn = rs.getObject("concluded_on", LocalDate.class);
                    LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
                    boolean concluded = concludedOn != null && !concludedOn.isAfter(scope.d());
                    boolean closed = closedOn != null && !closedOn.isAfter(scope.d());
                    return new Case(id, rs.getString("council_id"), rs.getString("title"), rs.getString("scope"),
                            rs.getString("conducted_by"), rs.getString("committee_id"),
                            subjects.getOrDefault(id, List.of()), rs.getObject("opened_on", LocalDate.class),
                            (closed ? CaseStatus.CLOSED : concluded ? CaseStatus.CONCLUDED : CaseStatus.OPEN).name(),
                            closed ? closedOn : null,
                            concluded ? new Conclusion(rs.getString("conclusion_number"), concludedOn,
                                    rs.getString("conclusion_summary")) : null,
                            rs.getString("re_examination_of"), reExamines.getOrDefault(id, List.of()),
                            reExaminedBy.getOrDefault(id, List.of()),
                            detail ? findings.getOrDefault(id, List.of()) : null,
                            recommendations.getOrDefault(id, List.of()));
                })
                .list();
    }

    private static Recommendation recommendation(ResultSet rs, LocalDate d, List<Link> supersedes,
                                                 List<String> reExaminedBy, List<Response> responses)
            throws SQLException {
        LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
        boolean closed = closedOn != null && !closedOn.isAfter(d);
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        String reported = rs.getString("reported_status");
        String status = closed ? rs.getString("outcome") : reported != null ? reported : "OPEN";
        String supersededBy = closed ? rs.getString("superseded_by") : null;
        return new Recommendation(rs.getString("recommendation_id"), rs.getString("addressee"),
                rs.getString("action"), dueOn, rs.getObject("issued_on", LocalDate.class), status,
                !closed && dueOn.isBefore(d), closed, closed ? rs.getString("outcome") : null,
                closed ? closedOn : null, closed ? rs.getString("closure_reason") : null,
                closed ? rs.getString("closed_by_case_id") : null,
                supersededBy == null ? null : new Link(rs.getString("closed_by_case_id"), supersededBy),
                supersedes, reExaminedBy, responses);
    }

    private static void addOnce(Map<String, List<String>> map, String key, String value) {
        List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    /**
     * The re-examination chain that {@code caseId} belongs to, as on {@code d}: up to the first oversight, then every
     * re-examination below it, depth first in opening order.
     */
    public List<ChainLink> chain(String caseId, LocalDate d) {
        String root = caseId;
        for (String up = parent(root, d); up != null; up = parent(up, d)) {
            root = up;
        }
        List<ChainLink> chain = new ArrayList<>();
        walk(root, 0, d, chain);
        return chain;
    }

    private String parent(String caseId, LocalDate d) {
        return jdbc.sql("SELECT re_examination_of FROM oversight_case_view WHERE case_id = :id AND opened_on <= :d")
                .param("id", caseId).param("d", Date.valueOf(d))
                .query(String.class).optional().orElse(null);
    }

    private void walk(String caseId, int depth, LocalDate d, List<ChainLink> chain) {
        find(caseId, d).ifPresent(c -> {
            chain.add(new ChainLink(c.id(), depth, c.title(), c.openedOn(), c.status(), c.reExaminationOf(),
                    c.reExaminedRecommendationIds()));
            c.reExaminedBy().forEach(child -> walk(child, depth + 1, d, chain));
        });
    }

    /** Per addressee agency, over the cases of the tree of {@code root} (all when null), as on {@code d}. */
    public List<AgencyFigures> agencies(String root, LocalDate d) {
        Scope scope = new Scope(root, null, d);
        return scope.bind(jdbc.sql(scope.with() + """
                        SELECT r.addressee, COUNT(*) AS recommendations,
                               SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS open_count,
                               SUM(CASE WHEN %1$s AND r.due_on < :d THEN 1 ELSE 0 END) AS overdue,
                               SUM(CASE WHEN %2$s'IMPLEMENTED' THEN 1 ELSE 0 END) AS implemented,
                               SUM(CASE WHEN %2$s'NOT_IMPLEMENTED' THEN 1 ELSE 0 END) AS not_implemented,
                               SUM(CASE WHEN %2$s'SUPERSEDED' THEN 1 ELSE 0 END) AS superseded,
                               SUM(CASE WHEN %2$s'WITHDRAWN' THEN 1 ELSE 0 END) AS withdrawn
                          FROM oversight_recommendation_view r
                          JOIN oversight_case_view c ON c.case_id = r.case_id
                         WHERE r.issued_on <= :d AND %3$s
                         GROUP BY r.addressee
                         ORDER BY r.addressee""".formatted(OPEN, CLOSED_AS, scope.cases())))
                .query((rs, n) -> {
                    int implemented = rs.getInt("implemented");
                    int judged = implemented + rs.getInt("not_implemented") + rs.getInt("overdue");
                    return new AgencyFigures(rs.getString("addressee"), rs.getInt("recommendations"),
                            rs.getInt("open_count"), rs.getInt("overdue"), implemented, rs.getInt("not_implemented"),
                            rs.getInt("superseded"), rs.getInt("withdrawn"),
                            judged == 0 ? null : Math.round(10_000.0 * implemented / judged) / 10_000.0);
                })
                .list();
    }

    /** The dashboard's recommendations block over the council {@code root} and everything below it. */
    public RecommendationCounts counts(String root, LocalDate d) {
        int open = 0;
        int overdue = 0;
        int implemented = 0;
        int notImplemented = 0;
        int superseded = 0;
        int withdrawn = 0;
        for (AgencyFigures a : agencies(root, d)) {
            open += a.open();
            overdue += a.overdue();
            implemented += a.implemented();
            notImplemented += a.notImplemented();
            superseded += a.superseded();
            withdrawn += a.withdrawn();
        }
        return new RecommendationCounts(open, overdue, implemented, notImplemented, superseded, withdrawn);
    }
}
