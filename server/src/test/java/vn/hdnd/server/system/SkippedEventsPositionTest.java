package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sessions view has no handler for a council's events, so its stream leaves them out ({@link SkippingEventStream});
 * its position must still reach the last of them, live and in a rebuild: read-your-writes on the sessions endpoints
 * and a rebuild's progress wait on it.
 */
@PostgresTest
class SkippedEventsPositionTest {
    @LocalServerPort
    int port;

    @Test
    void aViewsPositionReachesEventsItHasNoHandlerFor() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        long last = 0;
        for (int i = 0; i < 5; i++) {
            Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-skip" + i, "name", "HĐND " + i,
                    "tier", "PROVINCE", "establishedOn", "2008-08-01"));
            assertThat(created.status()).isEqualTo(201);
            last = created.position();
        }
        long head = last;
        await().atMost(Duration.ofSeconds(10)).until(() -> position(admin, "sessions") >= head);

        assertThat(admin.post("/api/v1/admin/projections/sessions/rebuild", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> position(admin, "sessions") >= head);
    }

    private static long position(Api admin, String projection) {
        for (JsonNode p : admin.get("/api/v1/admin/projections").json()) {
            if (p.path("name").asText().equals(projection)) {
                return p.path("position").asLong(-1);
            }
        }
        throw new AssertionError("no projection " + projection);
    }
}
