package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of API.md on PostgreSQL: answers, ETag and If-Match, Idempotency-Key, read-your-writes, Problem
 * Details for every error, and that a refused command appends nothing.
 */
@PostgresTest
class ApiConventionsTest {
    private static final Map<String, Object> PROVINCE = Map.of("id", "vn-c1", "name", "HĐND tỉnh C1",
            "tier", "PROVINCE", "establishedOn", "2008-08-01");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    Api anonymous;
    Api admin;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
        if (events("vn-c1") == 0) {
            assertThat(admin.post("/api/v1/councils", PROVINCE).status()).isEqualTo(201);
        }
    }

    private long events(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private long allEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).startsWith("urn:hdnd:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void aCommandAnswersIdVersionPositionAndAnETag() {
        Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-c2", "name", "HĐND tỉnh C2",
                "tier", "PROVINCE", "establishedOn", "2008-08-01"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo("vn-c2");
        assertThat(created.json().path("version").asLong()).isZero();
        assertThat(created.position()).isPositive();
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");

        Api.Response term = admin.post("/api/v1/councils/vn-c2/terms",
                Map.of("term", "2021-2026", "seats", 50, "startsOn", "2021-05-23"));
        assertThat(term.json().path("version").asLong()).isEqualTo(1);
        assertThat(term.position()).isGreaterThan(created.position());
    }

    @Test
    void aServerChosenIdNestsUnderTheParent() {
        Api.Response created = admin.post("/api/v1/councils", Map.of("name", "HĐND huyện mới", "tier", "DISTRICT",
                "parentId", "vn-c1", "establishedOn", "2010-01-01"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).matches("vn-c1-[0-9a-f]{8}");
    }

    @Test
    void aServerChosenIdFitsTheIdColumnsOrIsRefusedWith400() {
        String parent = "vn-" + "a".repeat(52);
        assertThat(admin.post("/api/v1/councils", Map.of("id", parent, "name", "HĐND tỉnh dài", "tier", "PROVINCE",
                "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        Api.Response child = admin.post("/api/v1/councils", Map.of("name", "HĐND huyện dài", "tier", "DISTRICT",
                "parentId", parent, "establishedOn", "2010-01-01"));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        String childId = child.json().path("id").asText();
        assertThat(childId).hasSize(64).startsWith(parent + "-");
        // The projection stored the 64-character id (a longer one would have stopped it).
        assertThat(anonymous.get("/api/v1/councils/" + childId + "?minPosition=" + child.position()).status())
                .isEqualTo(200);

        // Ids minted under a 64-character council would not fit: the client is asked for one.
        long before = allEvents();
        assertProblem(admin.post("/api/v1/councils", Map.of("name", "HĐND xã", "tier", "COMMUNE",
                "parentId", childId, "establishedOn", "2010-01-01")), 400);
        assertProblem(admin.post("/api/v1/councils/" + childId + "/committees",
                Map.of("name", "Ban Pháp chế", "formedOn", "2021-06-01")), 400);
        assertProblem(admin.post("/api/v1/councils/" + childId + "/delegates",
                Map.of("fullName", "Nguyễn Văn A", "seatedOn", "2021-06-01")), 400);
        assertProblem(admin.post("/api/v1/councils/" + childId + "/sessions",
                Map.of("number", 1, "kind", "REGULAR", "scheduledFor", "2021-06-25")), 400);
        assertThat(allEvents()).isEqualTo(before);
        assertThat(admin.post("/api/v1/councils/" + childId + "/committees",
                Map.of("id", "ban-phap-che", "name", "Ban Pháp chế", "formedOn", "2021-06-01")).status())
                .isEqualTo(201);
    }

    @Test
    void ifMatchWithAStaleVersionIsRefusedWith412() {
        long version = admin.post("/api/v1/councils/vn-c1/committees",
                Map.of("name", "Ban Văn hóa - Xã hội", "formedOn", "2021-06-01")).json().path("version").asLong();
        long before = events("vn-c1");
        Api.Response stale = admin.header("If-Match", "\"" + (version - 1) + "\"")
                .post("/api/v1/councils/vn-c1/committees", Map.of("name", "Ban Pháp chế", "formedOn", "2021-06-01"));
        assertProblem(stale, 412);
        assertThat(events("vn-c1")).isEqualTo(before);

        Api.Response current = admin.header("If-Match", "\"" + version + "\"")
                .post("/api/v1/councils/vn-c1/committees", Map.of("name", "Ban Pháp chế", "formedOn", "2021-06-01"));
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.json().path("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstAnswerAndAppendsNothing() {
        Api keyed = admin.header("Idempotency-Key", "k-" + System.nanoTime());
        Map<String, Object> body = Map.of("id", "vn-c1-ban-x", "name", "Ban X", "formedOn", "2021-06-01");
        Api.Response first = keyed.post("/api/v1/councils/vn-c1/committees", body);
        assertThat(first.status()).isEqualTo(201);
        long count = allEvents();

        Api.Response again = keyed.post("/api/v1/councils/vn-c1/committees", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(allEvents()).isEqualTo(count);

        Api.Response different = keyed.post("/api/v1/councils/vn-c1/committees",
                Map.of("id", "vn-c1-ban-y", "name", "Ban Y", "formedOn", "2021-06-01"));
        assertProblem(different, 422);
        assertThat(allEvents()).isEqualTo(count);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyAppendOnce() throws Exception {
        Api keyed = admin.header("Idempotency-Key", "race-" + System.nanoTime());
        Map<String, Object> body = Map.of("id", "vn-c1-ban-race", "name", "Ban Race", "formedOn", "2021-06-01");
        long before = allEvents();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> keyed.post("/api/v1/councils/vn-c1/committees", body)));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (var answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                distinct.add(response.text());
            }
            // Every answer is the first one, and the events and the key were stored together exactly once.
            assertThat(distinct).hasSize(1);
            assertThat(allEvents()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBrokenRuleAnswers409NamingTheRuleAndAppendsNothing() {
        long before = allEvents();
        Api.Response refused = admin.post("/api/v1/councils/vn-c1/offices", Map.of("delegateId", "nobody",
                "office", "CHAIR", "fullTime", true, "effectiveOn", "2021-06-25"));
        assertProblem(refused, 409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("office-holder-is-seated");
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void anExistingIdIsAConflict() {
        assertProblem(admin.post("/api/v1/councils", PROVINCE), 409);
    }

    @Test
    void aCommandOnAnUnknownCouncilIs404() {
        assertProblem(admin.post("/api/v1/councils/vn-nowhere/committees",
                Map.of("name", "Ban", "formedOn", "2021-06-01")), 404);
        assertProblem(anonymous.get("/api/v1/councils/vn-nowhere"), 404);
        assertProblem(anonymous.get("/api/v1/councils/vn-nowhere/delegates"), 404);
    }

    @Test
    void invalidInputIs400WithTheFieldsAndAppendsNothing() {
        long before = allEvents();
        Api.Response invalid = admin.post("/api/v1/councils", Map.of("id", "Not An Id", "tier", "PROVINCE",
                "establishedOn", "2008-08-01"));
        assertProblem(invalid, 400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).contains("id", "name");
        assertProblem(admin.postRaw("/api/v1/councils", "{\"id\": ", "application/json"), 400);
        assertProblem(admin.post("/api/v1/councils", Map.of("id", "vn-c9", "name", "X", "tier", "COUNTY",
                "establishedOn", "2008-08-01")), 400);
        assertProblem(admin.post("/api/v1/councils", Map.of("id", "vn-c9", "name", "X", "tier", "PROVINCE",
                "establishedOn", "25/06/2021")), 400);
        assertProblem(anonymous.get("/api/v1/councils?asOf=yesterday"), 400);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIs415AndATooLargeBodyIs413() {
        assertProblem(admin.postRaw("/api/v1/councils", "id=vn-c9", "application/x-www-form-urlencoded"), 415);
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(admin.postRaw("/api/v1/councils", huge, "application/json"), 413);
    }

    @Test
    void commandsNeedAnAuthenticatedUserInScope() {
        Map<String, Object> committee = Map.of("name", "Ban", "formedOn", "2021-06-01");
        assertProblem(anonymous.post("/api/v1/councils/vn-c1/committees", committee), 401);
        assertProblem(anonymous.as("admin", "wrong").post("/api/v1/councils/vn-c1/committees", committee), 401);
        // clerk's scope is vn-hn/**, ba-vi-clerk's is vn-hn-ba-vi only; auditors issue no commands.
        assertProblem(anonymous.as("clerk", "clerk-pw").post("/api/v1/councils/vn-c1/committees", committee), 403);
        assertProblem(anonymous.as("ba-vi-clerk", "ba-vi-pw")
                .post("/api/v1/councils/vn-c1/committees", committee), 403);
        assertProblem(anonymous.as("auditor", "auditor-pw")
                .post("/api/v1/councils/vn-c1/committees", committee), 403);
        assertProblem(anonymous.get("/api/v1/admin/projections"), 401);
        assertProblem(anonymous.as("clerk", "clerk-pw").get("/api/v1/admin/projections"), 403);
    }

    @Test
    void minPositionWaitsForTheProjectionsAndAnswers503WhenTheyDoNotGetThere() {
        Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-c3", "name", "HĐND tỉnh C3",
                "tier", "PROVINCE", "establishedOn", "2008-08-01"));
        assertThat(anonymous.get("/api/v1/councils/vn-c3?minPosition=" + created.position()).status())
                .isEqualTo(200);
        Api.Response future = anonymous.get("/api/v1/councils/vn-c3?minPosition=" + (created.position() + 1_000_000));
        assertProblem(future, 503);
        assertThat(future.headers().firstValue("Retry-After")).isPresent();
        assertProblem(anonymous.get("/api/v1/councils/vn-c3?minPosition=soon"), 400);
    }

    @Test
    void minPositionWaitsOnlyForTheProjectionsTheEndpointReads() {
        StreamingEventProcessor ledger = processing.eventProcessor("ledger", StreamingEventProcessor.class)
                .orElseThrow();
        ledger.shutDown();
        assertThat(ledger.isRunning()).isFalse();
        assertThat(ledger.processingStatus()).isEmpty();
        try {
            Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-c5", "name", "HĐND tỉnh C5",
                    "tier", "PROVINCE", "establishedOn", "2008-08-01"));
            assertThat(created.status()).isEqualTo(201);
            // The council view does not wait for the stopped ledger; the ledger's own endpoints do.
            assertThat(anonymous.get("/api/v1/councils/vn-c5?minPosition=" + created.position()).status())
                    .isEqualTo(200);
            assertProblem(anonymous.get("/api/v1/ledger/checkpoint?minPosition=" + created.position()), 503);
        } finally {
            ledger.start();
        }
    }

    @Test
    void publishesOpenApiAndHealth() {
        JsonNode docs = anonymous.get("/v3/api-docs").json();
        assertThat(docs.path("paths").has("/api/v1/councils/{id}/delegates")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/dashboard/summary")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void adminSeesEveryProjectionsPositionAndLag() {
        Api.Response created = admin.post("/api/v1/councils", Map.of("id", "vn-c4", "name", "HĐND tỉnh C4",
                "tier", "PROVINCE", "establishedOn", "2008-08-01"));
        anonymous.get("/api/v1/councils/vn-c4?minPosition=" + created.position());
        JsonNode projections = admin.get("/api/v1/admin/projections").json();
        JsonNode councils = projections.get(0);
        assertThat(councils.path("name").asText()).isEqualTo("councils");
        assertThat(councils.path("running").asBoolean()).isTrue();
        assertThat(councils.path("position").asLong()).isGreaterThanOrEqualTo(created.position());
        assertThat(councils.path("segments").asInt()).isEqualTo(2);
    }
}
