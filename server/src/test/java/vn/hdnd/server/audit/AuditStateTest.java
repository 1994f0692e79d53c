package vn.hdnd.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the record said at an instant, about a date: an aggregate's state rebuilt from the events recorded up to
 * {@code asOf}, as valid on {@code validAt}.
 */
@PostgresTest
class AuditStateTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
    }

    @Test
    void aDelegateSeatedRetroactivelyIsAbsentBeforeTheSeatWasRecordedAndPresentAfter() throws Exception {
        council("vn-a1", 50);
        seat("vn-a1", "vn-a1-d1", "2021-05-25", false);
        Instant beforeTheSeat = pause();
        // Recorded now, valid from 1 June: the record learns of it later than it became true.
        seat("vn-a1", "vn-a1-d2", "2021-06-01", true);
        Instant afterTheSeat = pause();

        assertThat(delegates(state("vn-a1", beforeTheSeat, "2021-06-02"))).containsExactly("vn-a1-d1");
        JsonNode after = state("vn-a1", afterTheSeat, "2021-06-02");
        assertThat(delegates(after)).containsExactly("vn-a1-d1", "vn-a1-d2");
        assertThat(after.path("state").path("fullTimeDelegates").asInt()).isEqualTo(1);
        assertThat(after.path("aggregateType").asText()).isEqualTo("Council");
        assertThat(after.path("version").asLong()).isEqualTo(3);
        assertThat(after.path("events").asLong()).isEqualTo(4);
        // Valid time still applies: on 31 May the new delegate was not yet seated, whatever the record knows.
        assertThat(delegates(state("vn-a1", afterTheSeat, "2021-05-31"))).containsExactly("vn-a1-d1");
        assertThat(delegates(state("vn-a1", afterTheSeat, "2021-05-24"))).isEmpty();
        // Defaults: asOf now, validAt asOf's day.
        JsonNode now = anonymous.get("/api/v1/audit/aggregates/vn-a1/state").json();
        assertThat(delegates(now)).containsExactly("vn-a1-d1", "vn-a1-d2");
        assertThat(now.path("state").path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aMandateEndAndOfficesAreFoldedWithTheirValidDates() throws Exception {
        council("vn-a2", 50);
        seat("vn-a2", "vn-a2-d1", "2021-06-01", false);
        seat("vn-a2", "vn-a2-d2", "2021-06-01", false);
        assertThat(admin.post("/api/v1/councils/vn-a2/offices", Map.of("delegateId", "vn-a2-d1", "office", "CHAIR",
                "fullTime", true, "effectiveOn", "2021-06-25", "basis", "NQ 01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/councils/vn-a2/delegates/vn-a2-d2/mandate-end", Map.of("reason", "RESIGNED",
                "effectiveOn", "2022-03-01", "basis", "NQ 07")).status()).isEqualTo(200);
        Instant now = pause();

        JsonNode june = state("vn-a2", now, "2021-06-30").path("state");
        assertThat(june.path("delegates")).hasSize(2);
        assertThat(june.path("offices").get(0).path("office").asText()).isEqualTo("CHAIR");
        assertThat(june.path("offices").get(0).path("fullTime").asBoolean()).isTrue();
        assertThat(june.path("fullTimeDelegates").asInt()).isEqualTo(1);
        JsonNode may = state("vn-a2", now, "2021-06-24").path("state");
        assertThat(may.path("offices")).isEmpty();
        assertThat(may.path("fullTimeDelegates").asInt()).isZero();
        assertThat(delegates(state("vn-a2", now, "2022-03-01"))).containsExactly("vn-a2-d1");
        assertThat(state("vn-a2", now, "2000-01-01").path("state").path("status").asText())
                .isEqualTo("NOT_ESTABLISHED");
    }

    @Test
    void snapshotsOfALongHistoryChangeNoAnswer() throws Exception {
        council("vn-a3", 150);
        Instant middle = null;
        for (int i = 1; i <= 110; i++) {
            seat("vn-a3", "vn-a3-d" + i, i <= 60 ? "2021-06-01" : "2021-07-01", i % 7 == 0);
            if (i == 80) {
                middle = pause();
            }
        }
        Instant end = pause();
        List<String> questions = List.of(
                "?asOf=" + end + "&validAt=2021-06-15", "?asOf=" + end + "&validAt=2021-07-01",
                "?asOf=" + middle + "&validAt=2021-07-01", "?asOf=" + middle + "&validAt=2021-06-15");
        List<String> withSnapshots = new ArrayList<>();
        for (String question : questions) {
            withSnapshots.add(anonymous.get("/api/v1/audit/aggregates/vn-a3/state" + question).text());
        }
        assertThat(jdbc.sql("SELECT sequence_number FROM audit_snapshot WHERE aggregate_identifier = 'vn-a3'")
                .query(Long.class).list()).containsExactly(99L);
        // Asked again, the answers come from the snapshot (for asOf after it) and are the same.
        for (int i = 0; i < questions.size(); i++) {
            assertThat(anonymous.get("/api/v1/audit/aggregates/vn-a3/state" + questions.get(i)).text())
                    .isEqualTo(withSnapshots.get(i));
        }
        jdbc.sql("DELETE FROM audit_snapshot WHERE aggregate_identifier = 'vn-a3'").update();
        for (int i = 0; i < questions.size(); i++) {
            // Before the new snapshot is written, the fold starts from the first event.
            assertThat(anonymous.get("/api/v1/audit/aggregates/vn-a3/state" + questions.get(i)).text())
                    .isEqualTo(withSnapshots.get(i));
        }
        JsonNode last = Api.at(port).get("/api/v1/audit/aggregates/vn-a3/state" + questions.get(1)).json();
        assertThat(last.path("events").asLong()).isEqualTo(112);
        assertThat(last.path("state").path("delegates")).hasSize(110);
        assertThat(Api.at(port).get("/api/v1/audit/aggregates/vn-a3/state" + questions.get(2)).json()
                .path("state").path("delegates")).hasSize(80);
    }

    @Test
    void unknownAggregatesAndEarlierInstantsAreNotFoundAndBadParametersAreRefused() throws Exception {
        Instant before = pause();
        council("vn-a4", 10);
        assertThat(anonymous.get("/api/v1/audit/aggregates/vn-a4/state?asOf=" + before).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/audit/aggregates/vn-nobody/state").status()).isEqualTo(404);
        for (String bad : new String[]{"asOf=yesterday", "asOf=2021-06-01", "validAt=2021-13-01"}) {
            Api.Response answer = anonymous.get("/api/v1/audit/aggregates/vn-a4/state?" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    private void council(String id, int seats) {
        assertThat(admin.post("/api/v1/councils", Map.of("id", id, "name", "HĐND tỉnh " + id, "tier", "PROVINCE",
                "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/councils/" + id + "/terms",
                Map.of("term", "2021-2026", "seats", seats, "startsOn", "2021-05-23")).status()).isEqualTo(201);
    }

    private void seat(String council, String delegate, String seatedOn, boolean fullTime) {
        Api.Response seated = admin.post("/api/v1/councils/" + council + "/delegates", Map.of("id", delegate,
                "fullName", "Lê Văn " + delegate, "fullTime", fullTime, "seatedOn", seatedOn));
        assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
    }

    private JsonNode state(String id, Instant asOf, String validAt) {
        Api.Response answer = anonymous.get("/api/v1/audit/aggregates/" + id + "/state?asOf=" + asOf
                + "&validAt=" + validAt);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> delegates(JsonNode state) {
        List<String> ids = new ArrayList<>();
        state.path("state").path("delegates").forEach(d -> ids.add(d.path("id").asText()));
        return ids;
    }

    /** An instant strictly between what was recorded before and what is recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
