package vn.hdnd.server.council;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection handler that fails never skips its event: the councils projection stops before it, shows the error
 * in the admin endpoint, retries, and catches up, the event's row included, once the cause is gone.
 */
@PostgresTest
class ProjectionErrorTest {
    private static final String CLASH = "DELETE FROM committee_view WHERE council_id = 'vn-pe1'";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private JsonNode councilsProjection(Api admin) {
        for (JsonNode p : admin.get("/api/v1/admin/projections").json()) {
            if (p.path("name").asText().equals("councils")) {
                return p;
            }
        }
        throw new AssertionError("no councils projection");
    }

    private String committeeName() {
        return jdbc.sql("SELECT name FROM committee_view WHERE council_id = 'vn-pe1' AND committee_id = 'vn-pe1-kt'")
                .query(String.class).optional().orElse(null);
    }

    @Test
    void aFailingEventStopsTheProjectionUntilItCanBeHandled() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-pe1", "name", "HĐND tỉnh PE1",
                "tier", "PROVINCE", "establishedOn", "2008-08-01"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/councils/vn-pe1?minPosition=" + created.position()).status()).isEqualTo(200);
        try {
            // A row the projection does not expect: inserting the committee's row will break its primary key.
            jdbc.sql("""
                    INSERT INTO committee_view (council_id, committee_id, name, formed_on)
                    VALUES ('vn-pe1', 'vn-pe1-kt', 'Chiếm chỗ', DATE '2021-01-01')""").update();
            Api.Response formed = admin.post("/api/v1/councils/vn-pe1/committees",
                    Map.of("id", "vn-pe1-kt", "name", "Ban Kinh tế", "formedOn", "2021-06-25"));
            assertThat(formed.status()).as(formed.toString()).isEqualTo(201);
            long position = formed.position();

            await().atMost(Duration.ofSeconds(30)).until(() -> councilsProjection(admin).path("error").asBoolean());
            // Across more than one retry (a failed segment is claimed again after 5 s), the event is never passed.
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode councils = councilsProjection(admin);
                return councils.path("position").asLong() < position && councils.path("lag").asLong() > 0;
            });
            assertThat(committeeName()).isEqualTo("Chiếm chỗ");
        } finally {
            jdbc.sql(CLASH).update();
        }
        long position = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = 'vn-pe1'")
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode councils = councilsProjection(admin);
            return !councils.path("error").asBoolean() && councils.path("position").asLong() >= position;
        });
        assertThat(committeeName()).isEqualTo("Ban Kinh tế");
    }
}
