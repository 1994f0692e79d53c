package vn.hdnd.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose transaction commits after the ledger's reader gave up waiting for its global index is never
 * delivered to the ledger. With the gap timeout shortened to 2 s, the test makes that happen (an event committed after
 * a later one that is already older than the timeout when the ledger reads it) and checks that the completeness
 * check names the event and that a rebuild logs it. A transaction that commits while the reader still waits is
 * logged normally (and the first test would not lose its event with the default timeout of 10 minutes).
 */
@PostgresTest
@TestPropertySource(properties = "council.ledger.gap-timeout=2s")
class LedgerGapTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    Api admin;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).as("admin", "admin-pw");
        ledger = new Ledger(Api.at(port));
    }

    @Test
    void anEventCommittedAfterTheLedgerGaveUpOnItIsCountedAndARebuildLogsIt() throws Exception {
        ledger.checkpointCovering(Ledger.council(admin, "vn-g1", 0));
        long probe;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            probe = insertProbe(open, Instant.now());
            // The next event commits first, stamped 10 s ago (a slow handler, or a writer whose clock is behind):
            // already older than the gap timeout when the ledger reads it, so the ledger stops waiting for the probe.
            long later;
            try (Connection other = dataSource.getConnection()) {
                later = insertProbe(other, Instant.now().minusSeconds(10));
            }
            assertThat(later).isGreaterThan(probe);
            await().atMost(Duration.ofSeconds(20)).until(() -> leafFor(later));
            open.commit();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode report = completeness();
            assertThat(report.path("missing").asInt()).as(report.toString()).isEqualTo(1);
            assertThat(report.path("events").get(0).path("position").asLong()).isEqualTo(probe);
            assertThat(report.path("events").get(0).path("aggregateId").asText()).startsWith("gap-probe-");
        });
        // The reader has moved on for good: newer events are logged, the probe is not.
        ledger.checkpointCovering(Ledger.council(admin, "vn-g3", 0));
        assertThat(leafFor(probe)).isFalse();

        Api.Response rebuild = admin.post("/api/v1/admin/projections/ledger/rebuild", java.util.Map.of());
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> leafFor(probe));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(completeness().path("missing").asInt()).isZero());
        // Still one leaf per event, densely numbered.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_leaf").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf").query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single());
    }

    @Test
    void anEventCommittedWhileTheLedgerWaitsForItIsLoggedAndNeverCountedMissing() throws Exception {
        ledger.checkpointCovering(Ledger.council(admin, "vn-g4", 0));
        long probe;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            probe = insertProbe(open, Instant.now());
            long later = Ledger.council(admin, "vn-g5", 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> leafFor(later));
            JsonNode waiting = completeness();
            assertThat(waiting.path("gaps").asInt()).as(waiting.toString()).isPositive();
            assertThat(waiting.path("missing").asInt()).isZero();
            open.commit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> leafFor(probe));
        assertThat(completeness().path("missing").asInt()).isZero();
    }

    private JsonNode completeness() {
        Api.Response answer = admin.get("/api/v1/admin/ledger/completeness");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private boolean leafFor(long position) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE global_index = :p").param("p", position)
                .query(Long.class).single() == 1;
    }

    /**
     * Appends an event of a type no view handles, recorded at {@code recordedAt}, in the connection's transaction (or
     * committed at once in auto-commit); answers its global index.
     */
    private static long insertProbe(Connection connection, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'GapProbe', ?, ?, ?, NULL, 'vn.hdnd.test.GapProbe', ?) RETURNING global_index""")) {
            insert.setString(1, "gap-probe-" + UUID.randomUUID());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, "{\"probe\":true}".getBytes(StandardCharsets.UTF_8));
            insert.setString(5, recordedAt.toString());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
