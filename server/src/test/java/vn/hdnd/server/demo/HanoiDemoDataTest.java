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

        // The first sessions of the term: resolutions on the dashboard, found by a search typed without diacritics.
        assertThat(summary.path("resolutionsAdopted").asInt()).isEqualTo(HanoiSessionDemo.RESOLUTIONS_ADOPTED);
        JsonNode land = Api.at(port).get("/api/v1/resolutions?councilId=vn-hn&asOf=2021-12-31&q=nghi+quyet+dat+dai")
                .json();
        assertThat(land.get(0).path("id").asText()).isEqualTo(HanoiSessionDemo.LAND_RESOLUTION);
        assertThat(land.get(0).path("title").asText()).contains("đất đai");
        assertThat(Api.at(port).get("/api/v1/resolutions/" + HanoiSessionDemo.AMENDED + "?asOf=2021-12-31").json()
                .path("status").asText()).isEqualTo("AMENDED");
        assertThat(Api.at(port).get("/api/v1/resolutions/" + HanoiSessionDemo.REPEALED + "?asOf=2021-12-31").json()
                .path("status").asText()).isEqualTo("REPEALED");
        assertThat(Api.at(port).get("/api/v1/sessions?councilId=vn-hn").json()).hasSize(HanoiSessionDemo.SESSIONS);

        // The article's two oversight cases; the land-use re-examination links to the original conclusion. At the end
        // of 2021 HanoiOversightDemo leaves 6 recommendations open (2 overdue), 2 implemented, 1 not implemented.
        JsonNode cases = Api.at(port).get("/api/v1/oversight-cases?councilId=vn-hn&asOf=2021-12-31").json();
        assertThat(cases.findValuesAsText("id")).contains(HanoiOversightDemo.LAND_USE_CASE,
                HanoiOversightDemo.LAND_USE_RE_EXAMINATION, HanoiOversightDemo.COVID_CASE);
        JsonNode landUse = Api.at(port)
                .get("/api/v1/oversight-cases/" + HanoiOversightDemo.LAND_USE_CASE + "?asOf=2021-12-31").json();
        assertThat(landUse.path("reExaminedBy").get(0).asText()).isEqualTo(HanoiOversightDemo.LAND_USE_RE_EXAMINATION);
        assertThat(Api.at(port).get("/api/v1/oversight-cases/" + HanoiOversightDemo.LAND_USE_RE_EXAMINATION
                + "?asOf=2021-12-31").json().path("reExaminationOf").asText())
                .isEqualTo(HanoiOversightDemo.LAND_USE_CASE);
        JsonNode recommendations = summary.path("recommendations");
        assertThat(recommendations.path("open").asInt()).isEqualTo(6);
        assertThat(recommendations.path("overdue").asInt()).isEqualTo(2);
        assertThat(recommendations.path("implemented").asInt()).isEqualTo(2);
        assertThat(recommendations.path("notImplemented").asInt()).isEqualTo(1);

        // Before the election nobody was seated; the record knows the councils but no delegates.
        JsonNode before = Api.at(port).get("/api/v1/dashboard/summary?councilId=vn-hn&asOf=2021-05-01").json();
        assertThat(before.path("delegates").asInt()).isZero();
        assertThat(before.path("councils").path("COMMUNE").asInt()).isEqualTo(404);
    }
}
