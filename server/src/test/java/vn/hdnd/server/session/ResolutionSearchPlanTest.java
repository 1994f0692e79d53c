package vn.hdnd.server.session;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hdnd.query.resolution.ResolutionQueries;
import vn.hdnd.server.support.PostgresTest;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the resolution search is served by the pg_trgm GIN index on the folded column, not by a scan of the
 * table: with 20,000 resolutions, of which about one in a hundred mention "đất đai", the planner's plan for
 * {@code q=dat dai} reads the index.
 */
@PostgresTest
class ResolutionSearchPlanTest {
    private static final Logger log = LoggerFactory.getLogger(ResolutionSearchPlanTest.class);
    private static final String COUNCIL = "vn-plan";
    private static final String[] WORDS = {"ngân sách", "giáo dục", "y tế", "giao thông", "môi trường", "văn hóa",
            "quy hoạch", "đầu tư", "nông nghiệp", "du lịch", "an ninh", "thủy lợi", "chiếu sáng", "cây xanh"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResolutionQueries resolutions;

    @Test
    void theSearchReadsTheTrigramIndexNotTheTable() {
        Random rnd = new Random(2021);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            String title = "Nghị quyết về " + WORDS[rnd.nextInt(WORDS.length)] + " và "
                    + WORDS[rnd.nextInt(WORDS.length)] + (i % 100 == 0 ? " và quản lý đất đai" : "") + " số " + i;
            String folded = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase();
            rows.add(new Object[] {COUNCIL + "-nq-2021-" + i, COUNCIL, i + "/2021/NQ-HĐND", 2021, i, "s", "m" + i,
                    "RESOLUTION", title, Date.valueOf(LocalDate.of(2021, 6, 25)), title.toLowerCase(), folded,
                    folded});
        }
        try {
            jdbc.batchUpdate("""
                    INSERT INTO resolution_view (resolution_id, council_id, resolution_number, adopted_year,
                        sequence_in_year, session_id, motion_id, kind, title, adopted_on, search_lower, search_folded,
                        title_folded)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            jdbc.execute("ANALYZE resolution_view");

            String plan = resolutions.explainSearch("dat dai");
            log.info("Plan of the resolution search for q=dat dai over 20,000 resolutions:\n{}", plan);
            assertThat(plan).contains("resolution_view_search_trgm").doesNotContain("Seq Scan on resolution_view");
            assertThat(resolutions.search(COUNCIL, "Đất  ĐAI", null, LocalDate.of(2021, 12, 31), 1000)).hasSize(200);
        } finally {
            jdbc.update("DELETE FROM resolution_view WHERE council_id = ?", COUNCIL);
        }
    }
}
