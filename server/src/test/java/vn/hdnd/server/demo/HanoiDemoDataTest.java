package vn.hdnd.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTestDatabase;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile loads Hanoi's 2021-2026 term through the command API on PostgreSQL, and the public dashboard shows
 * exactly the article's figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@ActiveProfiles({"test", "demo"})
class HanoiDemoDataTest {
    @LocalServerPort
    int port;
    @Autowired
    DemoDataLoader loader;

    @Test
    void theDashboardShowsTheArticlesFigures() throws Exception {
        long lastPosition = loader.done().get(10, TimeUnit.MINUTES);
        JsonNode summary = Api.at(port)
                .get("/api/v1/dashboard/summary?councilId=vn-hn&asOf=2021-12-31&minPosition=" + lastPosition).json();

        assertThat(summary.path("councils").path("PROVINCE").asInt()).isEqualTo(1);
        assertThat(summary.path("councils").path("DISTRICT").asInt()).isEqualTo(30);
        assertThat(summary.path("councils").path("COMMUNE").asInt()).isEqualTo(404);
        JsonNode byTier = summary.path("delegatesByTier");
        assertThat(byTier.path("PROVINCE").path("delegates").asInt()).isEqualTo(95);
        assertThat(byTier.path("DISTRICT").path("delegates").asInt()).isEqualTo(1_050);
        assertThat(byTier.path("COMMUNE").path("delegates").asInt()).isEqualTo(10_584);
        assertThat(summary.path("delegates").asInt()).isEqualTo(95 + 1_050 + 10_584);
        assertThat(summary.path("leadershipComplete").path("DISTRICT").path("complete").asInt()).isEqualTo(30);
        assertThat(summary.path("leadershipComplete").path("DISTRICT").path("total").asInt()).isEqualTo(30);
        assertThat(summary.path("leadershipComplete").path("COMMUNE").path("complete").asInt()).isEqualTo(404);
        assertThat(summary.path("leadershipComplete").path("COMMUNE").path("total").asInt()).isEqualTo(404);
        assertThat(byTier.path("DISTRICT").path("fullTimeDelegates").asInt()).isEqualTo(114);
        JsonNode communeOffices = summary.path("offices").path("COMMUNE");
        assertThat(communeOffices.path("CHAIR").path("holders").asInt()).isEqualTo(404);
        assertThat(communeOffices.path("CHAIR").path("fullTime").asInt()).isEqualTo(28);
        assertThat(communeOffices.path("VICE_CHAIR").path("fullTime").asInt()).isEqualTo(383);

        JsonNode status = Api.at(port).as("admin", "admin-pw").get("/api/v1/admin/demo").json();
        assertThat(status.path("state").asText()).isEqualTo("LOADED");
        assertThat(status.path("councilsLoaded").asInt()).isEqualTo(435);

        // Before the election nobody was seated; the record knows the councils but no delegates.
        JsonNode before = Api.at(port).get("/api/v1/dashboard/summary?councilId=vn-hn&asOf=2021-05-01").json();
        assertThat(before.path("delegates").asInt()).isZero();
        assertThat(before.path("councils").path("COMMUNE").asInt()).isEqualTo(404);
    }
}
