package vn.hdnd.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard rolls up a council and everything below it, and only that, as on a date. */
@PostgresTest
class DashboardTest {
    @LocalServerPort
    int port;

    @Test
    void rollsUpTheCouncilAndEverythingBelowIt() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        council(admin, "vn-d1", "PROVINCE", null);
        council(admin, "vn-d1-a", "DISTRICT", "vn-d1");
        council(admin, "vn-d1-a-x", "COMMUNE", "vn-d1-a");
        council(admin, "vn-d1-b", "DISTRICT", "vn-d1");
        council(admin, "vn-d2", "PROVINCE", null);
        seat(admin, "vn-d1-a", 3, 2);
        seat(admin, "vn-d1-a-x", 2, 2);
        seat(admin, "vn-d2", 5, 5);
        admin.post("/api/v1/councils/vn-d1-a-x/offices", Map.of("delegateId", "vn-d1-a-x-1", "office", "CHAIR",
                "fullTime", true, "effectiveOn", "2021-06-25"));
        long last = admin.post("/api/v1/councils/vn-d1-a-x/offices", Map.of("delegateId", "vn-d1-a-x-2",
                "office", "VICE_CHAIR", "fullTime", false, "effectiveOn", "2021-06-25")).position();

        JsonNode summary = Api.at(port)
                .get("/api/v1/dashboard/summary?councilId=vn-d1&asOf=2021-07-01&minPosition=" + last).json();
        assertThat(summary.path("councils").path("PROVINCE").asInt()).isEqualTo(1);
        assertThat(summary.path("councils").path("DISTRICT").asInt()).isEqualTo(2);
        assertThat(summary.path("councils").path("COMMUNE").asInt()).isEqualTo(1);
        assertThat(summary.path("seats").asInt()).isEqualTo(3 + 2);
        assertThat(summary.path("delegates").asInt()).isEqualTo(2 + 2);
        assertThat(summary.path("fullTimeDelegates").asInt()).isEqualTo(1);
        assertThat(summary.path("leadershipComplete").path("COMMUNE").path("complete").asInt()).isEqualTo(1);
        assertThat(summary.path("leadershipComplete").path("DISTRICT").path("complete").asInt()).isZero();
        assertThat(summary.path("leadershipComplete").path("DISTRICT").path("total").asInt()).isEqualTo(2);
        assertThat(summary.path("offices").path("COMMUNE").path("CHAIR").path("fullTime").asInt()).isEqualTo(1);
        assertThat(summary.path("offices").path("COMMUNE").path("VICE_CHAIR").path("holders").asInt()).isEqualTo(1);
        assertThat(summary.path("offices").path("COMMUNE").path("VICE_CHAIR").path("fullTime").asInt()).isZero();

        JsonNode district = Api.at(port).get("/api/v1/dashboard/summary?councilId=vn-d1-a&asOf=2021-07-01").json();
        assertThat(district.path("councils").has("PROVINCE")).isFalse();
        assertThat(district.path("delegates").asInt()).isEqualTo(2 + 2);

        assertThat(Api.at(port).get("/api/v1/dashboard/summary?councilId=vn-unknown").status()).isEqualTo(404);
    }

    private static void council(Api admin, String id, String tier, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "name", "HĐND " + id, "tier", tier,
                "establishedOn", "2008-08-01"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        assertThat(admin.post("/api/v1/councils", body).status()).isEqualTo(201);
    }

    private static void seat(Api admin, String councilId, int seats, int delegates) {
        admin.post("/api/v1/councils/" + councilId + "/terms",
                Map.of("term", "2021-2026", "seats", seats, "startsOn", "2021-05-23"));
        for (int i = 1; i <= delegates; i++) {
            assertThat(admin.post("/api/v1/councils/" + councilId + "/delegates", Map.of("id", councilId + "-" + i,
                    "fullName", "Phạm Thị " + i, "fullTime", false, "seatedOn", "2021-06-01")).status())
                    .isEqualTo(201);
        }
    }
}
