package vn.hdnd.query.resolution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.query.council.CouncilQueries;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads resolutions as on a date: a resolution is listed once adopted, and its status is AMENDED or REPEALED from
 * the day an amending or repealing resolution was adopted. Its vote is read from the "sessions" projection's motion.
 *
 * <p>Search ({@code q}): the query is normalised to NFC and split into words; every word, folded, must occur in the
 * folded number, title and text (so {@code nghi quyet dat dai} finds "Nghị quyết … đất đai"). Results that contain
 * more of the words exactly as typed, diacritics included, rank first ("đường" above "dương"), then those with more
 * words in the title, then the newest. On PostgreSQL the folded column has a pg_trgm GIN index that serves the
 * {@code LIKE '%word%'} conditions; on H2 they scan.
 */
@Component
public class ResolutionQueries {
    static final int MAX_WORDS = 8;
    private static final String STATUS = """
            CASE WHEN EXISTS (SELECT 1 FROM resolution_link_view l
                               WHERE l.resolution_id = r.resolution_id AND l.change = 'REPEALED'
                                 AND l.effective_on <= :d) THEN 'REPEALED'
                 WHEN EXISTS (SELECT 1 FROM resolution_link_view l
                               WHERE l.resolution_id = r.resolution_id AND l.change = 'AMENDED'
                                 AND l.effective_on <= :d) THEN 'AMENDED'
                 ELSE 'IN_FORCE' END""";
    private static final String COLUMNS = """
            r.resolution_id, r.council_id, r.resolution_number, r.adopted_year, r.sequence_in_year, r.session_id,
            r.motion_id, r.kind, r.title, r.adopted_on, r.delegate_id,
            m.voted_on, m.yes_count, m.no_count, m.abstain_count, m.total_delegates, m.voting_rule, m.rule_set,
            m.outcome, m.has_ballots""";
    private static final String FROM = """
            FROM resolution_view r
            LEFT JOIN motion_view m ON m.session_id = r.session_id AND m.motion_id = r.motion_id""";

    /** The vote that adopted the resolution: counts, the denominator (delegates seated that day), rule and rule set. */
    public record Vote(int yes, int no, int abstain, int totalDelegates, String rule, String ruleSet, String outcome,
                       LocalDate votedOn) {
    }

    public record BallotView(String delegateId, String choice) {
    }

    /** One step of a resolution's history: ADOPTED, AMENDED or REPEALED on a date, by which resolution. */
    public record Change(LocalDate on, String change, String byId, String byNumber) {
    }

    /**
     * {@code status} as on the date asked: IN_FORCE, AMENDED or REPEALED. {@code amends}/{@code repeals} link to the
     * earlier resolutions this one changed, {@code amendedBy}/{@code repealedBy} to the later ones that changed it.
     * {@code text}, {@code history} and {@code ballots} are given for one resolution, not in lists.
     */
    public record Resolution(String id, String councilId, String number, String title, String kind, String status,
                             LocalDate adoptedOn, String sessionId, String motionId, String delegateId, Vote vote,
                             List<String> amends, List<String> repeals, List<String> amendedBy, String repealedBy,
                             String text, List<Change> history, List<BallotView> ballots) {
    }

    private record Link(String resolutionId, String change, String byId, String byNumber, LocalDate effectiveOn) {
    }

    private record Search(String sql, Map<String, Object> params) {
    }

    private final JdbcClient jdbc;

    ResolutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Resolutions adopted on or before {@code asOf}, filtered and ranked as the class comment says. */
    public List<Resolution> search(String councilId, String q, String status, LocalDate asOf, int limit) {
        Search search = searchSql(councilId, q, status, asOf, limit);
        List<Resolution> found = jdbc.sql(search.sql()).params(search.params())
                .query((rs, n) -> resolution(rs, null, null, null)).list();
        return withLinks(found, asOf);
    }

    /** The database's plan for a search, for tests and operators (PostgreSQL shows the trigram index at work). */
    public String explainSearch(String q) {
        Search search = searchSql(null, q, null, LocalDate.of(9999, 12, 31), 100);
        return String.join("\n", jdbc.sql("EXPLAIN " + search.sql()).params(search.params())
                .query((rs, n) -> rs.getString(1)).list());
    }

    public Optional<Resolution> find(String resolutionId, LocalDate asOf) {
        Optional<Resolution> found = jdbc.sql("SELECT " + COLUMNS + ", " + STATUS + " AS status, r.body_text "
                        + FROM + " WHERE r.resolution_id = :id AND r.adopted_on <= :d")
                .param("id", resolutionId).param("d", Date.valueOf(asOf))
                .query((rs, n) -> resolution(rs, rs.getString("body_text"), List.of(),
                        rs.getBoolean("has_ballots") ? List.of() : null))
                .optional();
        return found.map(r -> {
            Resolution linked = withLinks(List.of(r), asOf).get(0);
            List<Change> history = new ArrayList<>();
            history.add(new Change(r.adoptedOn(), "ADOPTED", null, null));
            links(List.of(r.id()), asOf).stream().filter(l -> l.resolutionId().equals(r.id()))
                    .map(l -> new Change(l.effectiveOn(), l.change(), l.byId(), l.byNumber()))
                    .forEach(history::add);
            List<BallotView> ballots = r.ballots() == null ? null : jdbc.sql("""
                            SELECT delegate_id, choice FROM ballot_view
                             WHERE session_id = :session AND motion_id = :motion ORDER BY delegate_id""")
                    .param("session", r.sessionId()).param("motion", r.motionId())
                    .query((rs, n) -> new BallotView(rs.getString(1), rs.getString(2))).list();
            return new Resolution(r.id(), r.councilId(), r.number(), r.title(), r.kind(), r.status(), r.adoptedOn(),
                    r.sessionId(), r.motionId(), r.delegateId(), r.vote(), linked.amends(), linked.repeals(),
                    linked.amendedBy(), linked.repealedBy(), r.text(), history, ballots);
        });
    }

    /** Resolutions adopted on or before {@code asOf} by the council {@code root} and every council below it. */
    public int adoptedInTree(String root, LocalDate asOf) {
        return jdbc.sql(CouncilQueries.TREE + """
                        SELECT COUNT(*) FROM resolution_view r
                         WHERE r.council_id IN (SELECT council_id FROM tree) AND r.adopted_on <= :d""")
                .param("root", root).param("d", Date.valueOf(asOf))
                .query(Integer.class).single();
    }

    private Search searchSql(String councilId, String q, String status, LocalDate asOf, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("d", Date.valueOf(asOf));
        params.put("limit", limit);
        StringBuilder where = new StringBuilder("r.adopted_on <= :d");
        StringBuilder exactHits = new StringBuilder("0");
        StringBuilder titleHits = new StringBuilder("0");
        if (councilId != null) {
            where.append(" AND r.council_id = :council");
            params.put("council", councilId);
        }
        List<String> words = q == null ? List.of() : VietnameseText.words(q);
        int n = 0;
        for (String word : words) {
            String folded = VietnameseText.fold(word);
            if (folded.isEmpty() || n == MAX_WORDS) {
                continue;
            }
            // Words hold letters, marks and digits only, so they need no LIKE escaping.
            params.put("f" + n, "%" + folded + "%");
            params.put("e" + n, "%" + word + "%");
            where.append(" AND r.search_folded LIKE :f").append(n);
            exactHits.append(" + CASE WHEN r.search_lower LIKE :e").append(n).append(" THEN 1 ELSE 0 END");
            titleHits.append(" + CASE WHEN r.title_folded LIKE :f").append(n).append(" THEN 1 ELSE 0 END");
            n++;
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ").append(COLUMNS).append(", ").append(STATUS)
                .append(" AS status, ").append(exactHits).append(" AS exact_hits, ").append(titleHits)
                .append(" AS title_hits ").append(FROM).append(" WHERE ").append(where).append(") x");
        if (status != null) {
            sql.append(" WHERE x.status = :status");
            params.put("status", status);
        }
        sql.append(" ORDER BY x.exact_hits DESC, x.title_hits DESC, x.adopted_on DESC, x.council_id,")
                .append(" x.adopted_year DESC, x.sequence_in_year DESC LIMIT :limit");
        return new Search(sql.toString(), params);
    }

    /** Fills amends, repeals, amendedBy and repealedBy from the links in force on {@code asOf}. */
    private List<Resolution> withLinks(List<Resolution> resolutions, LocalDate asOf) {
        if (resolutions.isEmpty()) {
            return resolutions;
        }
        List<Link> links = links(resolutions.stream().map(Resolution::id).toList(), asOf);
        return resolutions.stream().map(r -> {
            List<String> amends = new ArrayList<>();
            List<String> repeals = new ArrayList<>();
            List<String> amendedBy = new ArrayList<>();
            String repealedBy = null;
            for (Link l : links) {
                boolean amended = "AMENDED".equals(l.change());
                if (l.byId().equals(r.id())) {
                    (amended ? amends : repeals).add(l.resolutionId());
                }
                if (l.resolutionId().equals(r.id())) {
                    if (amended) {
                        amendedBy.add(l.byId());
                    } else {
                        repealedBy = l.byId();
                    }
                }
            }
            return new Resolution(r.id(), r.councilId(), r.number(), r.title(), r.kind(), r.status(), r.adoptedOn(),
                    r.sessionId(), r.motionId(), r.delegateId(), r.vote(), amends, repeals, amendedBy, repealedBy,
                    r.text(), r.history(), r.ballots());
        }).toList();
    }

    /** Links from or to the resolutions {@code ids} that took effect on or before {@code asOf}, oldest first. */
    private List<Link> links(List<String> ids, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT resolution_id, change, by_id, by_number, effective_on FROM resolution_link_view
                         WHERE (resolution_id IN (:ids) OR by_id IN (:ids)) AND effective_on <= :d
                         ORDER BY effective_on, by_id""")
                .param("ids", ids).param("d", Date.valueOf(asOf))
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    private static Resolution resolution(ResultSet rs, String text, List<Change> history, List<BallotView> ballots)
            throws SQLException {
        String outcome = rs.getString("outcome");
        Vote vote = outcome == null ? null : new Vote(rs.getInt("yes_count"), rs.getInt("no_count"),
                rs.getInt("abstain_count"), rs.getInt("total_delegates"), rs.getString("voting_rule"),
                rs.getString("rule_set"), outcome, rs.getObject("voted_on", LocalDate.class));
        return new Resolution(rs.getString("resolution_id"), rs.getString("council_id"),
                rs.getString("resolution_number"), rs.getString("title"), rs.getString("kind"),
                rs.getString("status"), rs.getObject("adopted_on", LocalDate.class), rs.getString("session_id"),
                rs.getString("motion_id"), rs.getString("delegate_id"), vote, List.of(), List.of(), List.of(), null,
                text, history, ballots);
    }
}
