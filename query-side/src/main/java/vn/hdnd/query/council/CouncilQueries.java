package vn.hdnd.query.council;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the "councils" projection as valid on a date. A row is valid on {@code d} when {@code from <= d} and
 * ({@code to} is null or {@code to > d}): end dates are the first day something no longer holds.
 */
@Component
public class CouncilQueries {
    private static final String VALID_DELEGATE =
            "d.seated_on <= :d AND (d.ended_on IS NULL OR d.ended_on > :d)";
    private static final String VALID_OFFICE =
            "o.starts_on <= :d AND (o.ends_on IS NULL OR o.ends_on > :d)";
    /**
     * The council {@code :root} and every council below it, as a CTE named {@code tree (council_id)}: prefix a query
     * with it and filter by {@code council_id IN (SELECT council_id FROM tree)}.
     */
    public static final String TREE = """
            WITH RECURSIVE tree (council_id) AS (
                SELECT council_id FROM council_view WHERE council_id = :root
                UNION ALL
                SELECT c.council_id FROM council_view c JOIN tree t ON c.parent_id = t.council_id)
            """;
    private static final String COUNCIL_STATS = """
            SELECT c.council_id, c.name, c.tier, c.parent_id, c.established_on, c.dissolved_on, c.successor_ids,
                   t.term, COALESCE(t.seats, 0) AS seats,
                   (SELECT COUNT(*) FROM delegate_view d
                     WHERE d.council_id = c.council_id AND %1$s) AS delegates,
                   (SELECT COUNT(*) FROM delegate_view d
                     WHERE d.council_id = c.council_id AND %1$s AND d.full_time_from <= :d) AS full_time,
                   (SELECT COUNT(*) FROM office_view o
                     WHERE o.council_id = c.council_id AND o.office = 'CHAIR' AND %2$s) AS chairs,
                   (SELECT COUNT(*) FROM office_view o
                     WHERE o.council_id = c.council_id AND o.office = 'VICE_CHAIR' AND %2$s) AS vice_chairs,
                   (SELECT COUNT(*) FROM committee_view m
                     WHERE m.council_id = c.council_id AND m.formed_on <= :d
                       AND NOT EXISTS (SELECT 1 FROM office_view o
                                        WHERE o.council_id = m.council_id AND o.committee_id = m.committee_id
                                          AND o.office = 'COMMITTEE_HEAD' AND %2$s)) AS headless_committees
              FROM council_view c
              LEFT JOIN council_term_view t
                ON t.council_id = c.council_id AND t.starts_on <= :d AND (t.ends_on IS NULL OR t.ends_on > :d)
             WHERE c.established_on <= :d
            """.formatted(VALID_DELEGATE, VALID_OFFICE);

    public record CouncilSummary(String id, String name, String tier, String parentId, String status,
                                 LocalDate establishedOn, LocalDate dissolvedOn, List<String> successorIds,
                                 String term, int seats, int delegates, int fullTimeDelegates,
                                 boolean leadershipComplete) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record OfficeHolder(String office, String delegateId, String fullName, String committeeId,
                               boolean fullTime, LocalDate since) {
    }

    public record Committee(String id, String name, LocalDate formedOn) {
    }

    public record CouncilDetail(String id, String name, String tier, String parentId, String status,
                                LocalDate establishedOn, LocalDate dissolvedOn, List<String> successorIds,
                                String term, int seats, int delegates, int fullTimeDelegates,
                                boolean leadershipComplete, List<OfficeHolder> offices, List<Committee> committees) {
    }

    public record Delegate(String id, String fullName, boolean fullTime, String constituency, LocalDate seatedOn,
                           String term) {
    }

    /** Holders and full-time holders of one office across a tier. */
    public record OfficeCount(String tier, String office, int holders, int fullTime) {
    }

    private final JdbcClient jdbc;

    CouncilQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CouncilSummary> list(String tier, String parentId, LocalDate asOf) {
        StringBuilder sql = new StringBuilder(COUNCIL_STATS);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("d", Date.valueOf(asOf));
        if (tier != null) {
            sql.append(" AND c.tier = :tier");
            params.put("tier", tier);
        }
        if (parentId != null) {
            sql.append(" AND c.parent_id = :parent");
            params.put("parent", parentId);
        }
        sql.append(" ORDER BY c.council_id");
        return jdbc.sql(sql.toString()).params(params).query(summaryRow(asOf)).list();
    }

    /** The council {@code root} and everything below it, as on {@code asOf}. */
    public List<CouncilSummary> tree(String root, LocalDate asOf) {
        return jdbc.sql(TREE + COUNCIL_STATS + " AND c.council_id IN (SELECT council_id FROM tree)")
                .param("root", root).param("d", Date.valueOf(asOf))
                .query(summaryRow(asOf)).list();
    }

    public Optional<CouncilDetail> find(String councilId, LocalDate asOf) {
        return jdbc.sql(COUNCIL_STATS + " AND c.council_id = :id")
                .param("id", councilId).param("d", Date.valueOf(asOf))
                .query(summaryRow(asOf)).optional()
                .map(c -> new CouncilDetail(c.id(), c.name(), c.tier(), c.parentId(), c.status(), c.establishedOn(),
                        c.dissolvedOn(), c.successorIds(), c.term(), c.seats(), c.delegates(), c.fullTimeDelegates(),
                        c.leadershipComplete(), offices(councilId, asOf), committees(councilId, asOf)));
    }

    public boolean exists(String councilId, LocalDate asOf) {
        return jdbc.sql("SELECT COUNT(*) FROM council_view WHERE council_id = :id AND established_on <= :d")
                .param("id", councilId).param("d", Date.valueOf(asOf))
                .query(Integer.class).single() > 0;
    }

    private List<OfficeHolder> offices(String councilId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT o.office, o.delegate_id, d.full_name, o.committee_id, o.starts_on,
                               CASE WHEN d.full_time_from <= :d THEN TRUE ELSE FALSE END AS full_time
                          FROM office_view o
                          JOIN delegate_view d ON d.council_id = o.council_id AND d.delegate_id = o.delegate_id
                                              AND %s
                         WHERE o.council_id = :id AND %s
                         ORDER BY o.office, o.committee_id, o.delegate_id""".formatted(VALID_DELEGATE, VALID_OFFICE))
                .param("id", councilId).param("d", Date.valueOf(asOf))
                .query((rs, n) -> new OfficeHolder(rs.getString("office"), rs.getString("delegate_id"),
                        rs.getString("full_name"), rs.getString("committee_id"), rs.getBoolean("full_time"),
                        rs.getObject("starts_on", LocalDate.class)))
                .list();
    }

    private List<Committee> committees(String councilId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT committee_id, name, formed_on FROM committee_view
                         WHERE council_id = :id AND formed_on <= :d ORDER BY committee_id""")
                .param("id", councilId).param("d", Date.valueOf(asOf))
                .query((rs, n) -> new Committee(rs.getString("committee_id"), rs.getString("name"),
                        rs.getObject("formed_on", LocalDate.class)))
                .list();
    }

    public List<Delegate> delegates(String councilId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT d.delegate_id, d.full_name, d.constituency, d.seated_on, d.term,
                               CASE WHEN d.full_time_from <= :d THEN TRUE ELSE FALSE END AS full_time
                          FROM delegate_view d
                         WHERE d.council_id = :id AND %s
                         ORDER BY d.delegate_id""".formatted(VALID_DELEGATE))
                .param("id", councilId).param("d", Date.valueOf(asOf))
                .query((rs, n) -> new Delegate(rs.getString("delegate_id"), rs.getString("full_name"),
                        rs.getBoolean("full_time"), rs.getString("constituency"),
                        rs.getObject("seated_on", LocalDate.class), rs.getString("term")))
                .list();
    }

    /** Office holders by tier and office over the tree of {@code root}, with how many of them serve full-time. */
    public List<OfficeCount> officeCounts(String root, LocalDate asOf) {
        return jdbc.sql(TREE + """
                        SELECT c.tier, o.office, COUNT(*) AS holders,
                               SUM(CASE WHEN d.full_time_from <= :d THEN 1 ELSE 0 END) AS full_time
                          FROM office_view o
                          JOIN council_view c ON c.council_id = o.council_id
                          JOIN delegate_view d ON d.council_id = o.council_id AND d.delegate_id = o.delegate_id
                                              AND %s
                         WHERE %s AND c.council_id IN (SELECT council_id FROM tree)
                         GROUP BY c.tier, o.office""".formatted(VALID_DELEGATE, VALID_OFFICE))
                .param("root", root).param("d", Date.valueOf(asOf))
                .query((rs, n) -> new OfficeCount(rs.getString("tier"), rs.getString("office"), rs.getInt("holders"),
                        rs.getInt("full_time")))
                .list();
    }

    private static RowMapper<CouncilSummary> summaryRow(LocalDate asOf) {
        return (rs, n) -> {
            // A dissolution after asOf is not yet a fact on that date.
            LocalDate dissolvedOn = rs.getObject("dissolved_on", LocalDate.class);
            if (dissolvedOn != null && dissolvedOn.isAfter(asOf)) {
                dissolvedOn = null;
            }
            String successors = dissolvedOn == null ? null : rs.getString("successor_ids");
            // Leadership is complete with a chair, at least one vice-chair and a head for every committee.
            boolean complete = rs.getInt("chairs") > 0 && rs.getInt("vice_chairs") > 0
                    && rs.getInt("headless_committees") == 0;
            return new CouncilSummary(rs.getString("council_id"), rs.getString("name"), rs.getString("tier"),
                    rs.getString("parent_id"),
                    dissolvedOn != null ? "DISSOLVED" : "ACTIVE",
                    rs.getObject("established_on", LocalDate.class), dissolvedOn,
                    successors == null || successors.isEmpty() ? List.of() : Arrays.asList(successors.split(",")),
                    rs.getString("term"), rs.getInt("seats"), rs.getInt("delegates"), rs.getInt("full_time"),
                    complete);
        };
    }
}
