package vn.hdnd.server.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversight cases end to end: commands over HTTP, then the query answers as of dates around each fact, overdue around
 * the due date, re-examination chains, the per-agency view and the dashboard block. Run on PostgreSQL by
 * {@link OversightApiTest} and on the embedded H2 by {@link OversightOnH2Test}: the SQL must hold on both.
 */
abstract class OversightScenarios {
    private static final String UBND = "UBND tỉnh";
    private static final String SO_XD = "Sở Xây dựng";
    private static final String SO_TC = "Sở Tài chính";
    /** "Today" for a query without asOf is today in Hanoi. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;
    /** The log position of the last command, for read-your-writes. */
    long last;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
    }

    // ---------------------------------------------------------------- helpers

    private Api.Response ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        last = Math.max(last, response.position());
        return response;
    }

    private void council(String id, String tier, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "HĐND " + id, "tier", tier,
                "establishedOn", "2008-08-01"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        ok(admin.post("/api/v1/councils", body), 201);
    }

    private void openCase(Api as, String council, String id, String openedOn, String... subjects) {
        ok(as.post("/api/v1/councils/" + council + "/oversight-cases", Map.of("id", id,
                "title", "Giám sát " + id, "scope", "Phạm vi " + id, "conductedBy", "STANDING_COMMITTEE",
                "subjects", List.of(subjects), "openedOn", openedOn)), 201);
    }

    private static Map<String, Object> rec(String id, String addressee, String dueOn, String... supersedes) {
        Map<String, Object> rec = new LinkedHashMap<>(Map.of("id", id, "addressee", addressee,
                "action", "Thực hiện " + id, "dueOn", dueOn));
        if (supersedes.length > 0) {
            rec.put("supersedes", List.of(supersedes));
        }
        return rec;
    }

    private void conclude(String id, String issuedOn, List<Map<String, Object>> recs) {
        ok(admin.post("/api/v1/oversight-cases/" + id + "/conclusion", Map.of("number", "KL-" + id,
                "issuedOn", issuedOn, "summary", "Kết luận " + id, "recommendations", recs)), 201);
    }

    private Api.Response respond(String id, String rec, String on, String status) {
        return admin.post("/api/v1/oversight-cases/" + id + "/recommendations/" + rec + "/responses",
                Map.of("reportedOn", on, "report", "Báo cáo ngày " + on, "status", status));
    }

    private Api.Response closeRec(String id, String rec, String on, String outcome) {
        return admin.post("/api/v1/oversight-cases/" + id + "/recommendations/" + rec + "/closure",
                Map.of("outcome", outcome, "closedOn", on, "reason", "Đánh giá ngày " + on));
    }

    private Api.Response reExamine(String original, String id, String openedOn, String... recs) {
        return admin.post("/api/v1/oversight-cases/" + original + "/re-examinations", Map.of("id", id,
                "recommendationIds", List.of(recs), "reason", "Chậm thực hiện", "openedOn", openedOn));
    }

    private JsonNode get(String path) {
        Api.Response response = anonymous.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + last);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode caseAsOf(String id, String asOf) {
        return get("/api/v1/oversight-cases/" + id + "?asOf=" + asOf);
    }

    private static JsonNode recommendation(JsonNode aCase, String id) {
        for (JsonNode r : aCase.path("recommendations")) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no recommendation " + id + " in " + aCase);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(field == null ? n.asText() : n.path(field).asText()));
        return values;
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static void assertRule(Api.Response response, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void opensACaseRecordsFindingsAndIssuesTheConclusionAsOfTheirDates() {
        council("vn-o1", "PROVINCE", null);
        ok(admin.post("/api/v1/councils/vn-o1/committees", Map.of("id", "vn-o1-kt", "name", "Ban Kinh tế",
                "formedOn", "2021-06-23")), 201);
        Api.Response opened = ok(admin.post("/api/v1/councils/vn-o1/oversight-cases", Map.of("id", "vn-o1-gs1",
                "title", "Giám sát đầu tư công", "scope", "Giải ngân vốn đầu tư công 2021",
                "conductedBy", "COMMITTEE", "committeeId", "vn-o1-kt", "subjects", List.of(UBND, SO_TC),
                "openedOn", "2021-09-01")), 201);
        assertThat(opened.json().path("id").asText()).isEqualTo("vn-o1-gs1");
        assertThat(opened.json().path("version").asLong()).isZero();
        ok(admin.post("/api/v1/oversight-cases/vn-o1-gs1/findings",
                Map.of("text", "Giải ngân chậm", "recordedOn", "2021-10-01")), 201);
        conclude("vn-o1-gs1", "2021-11-15", List.of(rec("r1", UBND, "2022-06-30"), rec("r2", SO_TC, "2022-03-31")));

        JsonNode before = caseAsOf("vn-o1-gs1", "2021-10-31");
        assertThat(before.path("status").asText()).isEqualTo("OPEN");
        assertThat(before.path("councilId").asText()).isEqualTo("vn-o1");
        assertThat(before.path("conductedBy").asText()).isEqualTo("COMMITTEE");
        assertThat(before.path("committeeId").asText()).isEqualTo("vn-o1-kt");
        assertThat(texts(before.path("subjects"), null)).containsExactly(UBND, SO_TC);
        assertThat(texts(before.path("findings"), "text")).containsExactly("Giải ngân chậm");
        assertThat(before.path("recommendations")).isEmpty();
        assertThat(before.has("conclusion")).isFalse();

        JsonNode after = caseAsOf("vn-o1-gs1", "2021-11-15");
        assertThat(after.path("status").asText()).isEqualTo("CONCLUDED");
        assertThat(after.path("conclusion").path("number").asText()).isEqualTo("KL-vn-o1-gs1");
        assertThat(texts(after.path("recommendations"), "id")).containsExactly("r1", "r2");
        JsonNode r1 = recommendation(after, "r1");
        assertThat(r1.path("addressee").asText()).isEqualTo(UBND);
        assertThat(r1.path("dueOn").asText()).isEqualTo("2022-06-30");
        assertThat(r1.path("status").asText()).isEqualTo("OPEN");
        assertThat(r1.path("overdue").asBoolean()).isFalse();

        assertThat(anonymous.get("/api/v1/oversight-cases/vn-o1-gs1?asOf=2021-08-31").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/oversight-cases/vn-o1-nothing").status()).isEqualTo(404);
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o1&asOf=2021-12-01"), "id"))
                .containsExactly("vn-o1-gs1");
        assertThat(get("/api/v1/oversight-cases?councilId=vn-o1&asOf=2021-08-31")).isEmpty();
    }

    @Test
    void aRecommendationIsOverdueOnlyAfterItsDueDateAndWhileOpen() {
        council("vn-o2", "PROVINCE", null);
        openCase(admin, "vn-o2", "vn-o2-gs1", "2022-01-10", UBND);
        conclude("vn-o2-gs1", "2022-02-01", List.of(rec("r1", UBND, "2022-06-30"), rec("r2", SO_XD, "2023-01-31")));
        String list = "/api/v1/oversight-cases?councilId=vn-o2&asOf=";

        // The day before and on the due date the recommendation is still in time; the day after it is overdue.
        assertThat(recommendation(caseAsOf("vn-o2-gs1", "2022-06-29"), "r1").path("overdue").asBoolean()).isFalse();
        assertThat(recommendation(caseAsOf("vn-o2-gs1", "2022-06-30"), "r1").path("overdue").asBoolean()).isFalse();
        assertThat(recommendation(caseAsOf("vn-o2-gs1", "2022-07-01"), "r1").path("overdue").asBoolean()).isTrue();
        assertThat(recommendation(caseAsOf("vn-o2-gs1", "2022-07-01"), "r2").path("overdue").asBoolean()).isFalse();
        assertThat(get(list + "2022-06-30&overdue=true")).isEmpty();
        assertThat(texts(get(list + "2022-06-30&overdue=false"), "id")).containsExactly("vn-o2-gs1");
        assertThat(texts(get(list + "2022-07-01&overdue=true"), "id")).containsExactly("vn-o2-gs1");
        assertThat(get(list + "2022-07-01&overdue=false")).isEmpty();
        JsonNode dashboard = get("/api/v1/dashboard/summary?councilId=vn-o2&asOf=2022-07-01").path("recommendations");
        assertThat(dashboard.path("open").asInt()).isEqualTo(2);
        assertThat(dashboard.path("overdue").asInt()).isEqualTo(1);

        // A late closure ends the overdue state from its date on; before it the record still shows it overdue.
        ok(closeRec("vn-o2-gs1", "r1", "2022-08-01", "IMPLEMENTED"), 200);
        assertThat(recommendation(caseAsOf("vn-o2-gs1", "2022-07-31"), "r1").path("overdue").asBoolean()).isTrue();
        JsonNode closed = recommendation(caseAsOf("vn-o2-gs1", "2022-08-01"), "r1");
        assertThat(closed.path("overdue").asBoolean()).isFalse();
        assertThat(closed.path("status").asText()).isEqualTo("IMPLEMENTED");
        assertThat(closed.path("closedOn").asText()).isEqualTo("2022-08-01");
        JsonNode later = get("/api/v1/dashboard/summary?councilId=vn-o2&asOf=2022-08-01").path("recommendations");
        assertThat(later.path("open").asInt()).isEqualTo(1);
        assertThat(later.path("overdue").asInt()).isZero();
        assertThat(later.path("implemented").asInt()).isEqualTo(1);
        assertThat(later.path("notImplemented").asInt()).isZero();
    }

    @Test
    void aRecommendationsStatusIsItsLastResponseUntilItIsClosedThenItsOutcome() {
        council("vn-o3", "PROVINCE", null);
        openCase(admin, "vn-o3", "vn-o3-gs1", "2022-01-10", SO_XD);
        conclude("vn-o3-gs1", "2022-02-01", List.of(rec("r1", SO_XD, "2022-12-31")));
        ok(respond("vn-o3-gs1", "r1", "2022-03-01", "IN_PROGRESS"), 201);
        ok(respond("vn-o3-gs1", "r1", "2022-05-01", "PARTIALLY_IMPLEMENTED"), 201);

        assertThat(recommendation(caseAsOf("vn-o3-gs1", "2022-02-28"), "r1").path("status").asText()).isEqualTo("OPEN");
        assertThat(recommendation(caseAsOf("vn-o3-gs1", "2022-03-01"), "r1").path("status").asText())
                .isEqualTo("IN_PROGRESS");
        JsonNode may = recommendation(caseAsOf("vn-o3-gs1", "2022-05-01"), "r1");
        assertThat(may.path("status").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(texts(may.path("responses"), "reportedOn")).containsExactly("2022-03-01", "2022-05-01");
        assertThat(texts(caseAsOf("vn-o3-gs1", "2022-04-01").path("recommendations").get(0).path("responses"),
                "status")).containsExactly("IN_PROGRESS");

        ok(closeRec("vn-o3-gs1", "r1", "2022-07-10", "NOT_IMPLEMENTED"), 200);
        assertThat(recommendation(caseAsOf("vn-o3-gs1", "2022-07-09"), "r1").path("status").asText())
                .isEqualTo("PARTIALLY_IMPLEMENTED");
        JsonNode closed = get("/api/v1/oversight-cases/vn-o3-gs1/recommendations/r1?asOf=2022-07-10");
        assertThat(closed.path("status").asText()).isEqualTo("NOT_IMPLEMENTED");
        assertThat(closed.path("closed").asBoolean()).isTrue();
        assertThat(closed.path("closureReason").asText()).isEqualTo("Đánh giá ngày 2022-07-10");

        // Nothing after closure: a late response is refused and appends nothing.
        long before = events();
        assertRule(respond("vn-o3-gs1", "r1", "2022-08-01", "IMPLEMENTED"), "recommendation-open");
        assertRule(closeRec("vn-o3-gs1", "r1", "2022-08-01", "IMPLEMENTED"), "recommendation-open");
        assertRule(respond("vn-o3-gs1", "r9", "2022-08-01", "IMPLEMENTED"), "recommendation-exists");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void reExaminationsLinkBothWaysAndFormAQueryableChainOfDepthTwo() {
        council("vn-o4", "PROVINCE", null);
        openCase(admin, "vn-o4", "vn-o4-a", "2019-03-01", UBND, SO_XD);
        conclude("vn-o4-a", "2019-07-10", List.of(rec("r1", UBND, "2020-06-30"), rec("r2", SO_XD, "2020-06-30"),
                rec("r3", SO_TC, "2020-12-31")));

        // First re-examination (depth 1) of r1, r2 and r3.
        Api.Response b = ok(reExamine("vn-o4-a", "vn-o4-b", "2021-08-01", "r1", "r2", "r3"), 201);
        assertThat(b.json().path("id").asText()).isEqualTo("vn-o4-b");
        JsonNode caseB = caseAsOf("vn-o4-b", "2021-08-01");
        assertThat(caseB.path("reExaminationOf").asText()).isEqualTo("vn-o4-a");
        assertThat(texts(caseB.path("reExaminedRecommendationIds"), null)).containsExactly("r1", "r2", "r3");
        assertThat(caseB.path("conductedBy").asText()).isEqualTo("STANDING_COMMITTEE");
        assertThat(caseB.path("title").asText()).isEqualTo("Tái giám sát: Giám sát vn-o4-a");
        assertThat(texts(caseB.path("subjects"), null)).containsExactly(UBND, SO_XD, SO_TC);
        assertThat(texts(caseAsOf("vn-o4-a", "2021-08-01").path("reExaminedBy"), null)).containsExactly("vn-o4-b");
        assertThat(texts(recommendation(caseAsOf("vn-o4-a", "2021-08-01"), "r1").path("reExaminedBy"), null))
                .containsExactly("vn-o4-b");
        assertThat(caseAsOf("vn-o4-a", "2021-07-31").path("reExaminedBy")).isEmpty();

        // Its conclusion supersedes r1 by b1 and closes r2 as not implemented; r3 stays open.
        ok(admin.post("/api/v1/oversight-cases/vn-o4-b/conclusion", Map.of("number", "05/KL-TTHĐND",
                "issuedOn", "2021-10-20", "summary", "Kết luận tái giám sát",
                "recommendations", List.of(rec("b1", UBND, "2022-06-30", "r1")),
                "closes", List.of(Map.of("recommendationId", "r2", "outcome", "NOT_IMPLEMENTED",
                        "reason", "Không thực hiện sau hai năm")))), 201);
        JsonNode a = caseAsOf("vn-o4-a", "2021-10-20");
        JsonNode r1 = recommendation(a, "r1");
        assertThat(r1.path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(r1.path("supersededBy").path("caseId").asText()).isEqualTo("vn-o4-b");
        assertThat(r1.path("supersededBy").path("recommendationId").asText()).isEqualTo("b1");
        assertThat(recommendation(a, "r2").path("status").asText()).isEqualTo("NOT_IMPLEMENTED");
        assertThat(recommendation(a, "r2").path("closedByCaseId").asText()).isEqualTo("vn-o4-b");
        assertThat(recommendation(a, "r3").path("closed").asBoolean()).isFalse();
        assertThat(recommendation(caseAsOf("vn-o4-a", "2021-10-19"), "r1").path("status").asText()).isEqualTo("OPEN");
        JsonNode b1 = recommendation(caseAsOf("vn-o4-b", "2021-10-20"), "b1");
        assertThat(b1.path("supersedes").get(0).path("caseId").asText()).isEqualTo("vn-o4-a");
        assertThat(b1.path("supersedes").get(0).path("recommendationId").asText()).isEqualTo("r1");

        // Depth 2: b1 is re-examined in turn; and r3 is re-examined a second time.
        ok(reExamine("vn-o4-b", "vn-o4-c", "2022-09-01", "b1"), 201);
        ok(reExamine("vn-o4-a", "vn-o4-d", "2022-10-01", "r3"), 201);
        assertThat(texts(recommendation(caseAsOf("vn-o4-a", "2022-10-01"), "r3").path("reExaminedBy"), null))
                .containsExactly("vn-o4-b", "vn-o4-d");
        assertThat(texts(caseAsOf("vn-o4-a", "2022-10-01").path("reExaminedBy"), null))
                .containsExactly("vn-o4-b", "vn-o4-d");
        assertThat(caseAsOf("vn-o4-c", "2022-09-01").path("reExaminationOf").asText()).isEqualTo("vn-o4-b");

        JsonNode chain = get("/api/v1/oversight-cases/vn-o4-c/re-examination-chain?asOf=2022-12-31");
        assertThat(texts(chain, "id")).containsExactly("vn-o4-a", "vn-o4-b", "vn-o4-c", "vn-o4-d");
        assertThat(texts(chain, "depth")).containsExactly("0", "1", "2", "1");
        assertThat(texts(chain, "reExaminationOf")).containsExactly("", "vn-o4-a", "vn-o4-b", "vn-o4-a");
        JsonNode earlier = get("/api/v1/oversight-cases/vn-o4-a/re-examination-chain?asOf=2022-09-15");
        assertThat(texts(earlier, "id")).containsExactly("vn-o4-a", "vn-o4-b", "vn-o4-c");

        // The original case closes once every recommendation is, whoever closed it.
        assertRule(admin.post("/api/v1/oversight-cases/vn-o4-a/closure", Map.of("closedOn", "2022-12-01")),
                "all-recommendations-closed");
        ok(closeRec("vn-o4-a", "r3", "2022-11-15", "IMPLEMENTED"), 200);
        ok(admin.post("/api/v1/oversight-cases/vn-o4-a/closure", Map.of("closedOn", "2022-12-01")), 200);
        assertThat(caseAsOf("vn-o4-a", "2022-12-01").path("status").asText()).isEqualTo("CLOSED");
        assertThat(caseAsOf("vn-o4-a", "2022-11-30").path("status").asText()).isEqualTo("CONCLUDED");
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o4&status=CLOSED&asOf=2022-12-01"), "id"))
                .containsExactly("vn-o4-a");
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o4&status=OPEN&asOf=2022-12-01"), "id"))
                .containsExactly("vn-o4-c", "vn-o4-d");
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o4&status=CONCLUDED&asOf=2022-12-01"), "id"))
                .containsExactly("vn-o4-b");
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o4&status=CONCLUDED&asOf=2022-11-30"), "id"))
                .containsExactly("vn-o4-a", "vn-o4-b");
        // Nothing after closure except a re-examination.
        assertRule(admin.post("/api/v1/oversight-cases/vn-o4-a/findings",
                Map.of("text", "Muộn", "recordedOn", "2022-12-02")), "case-not-closed");
        // With neither scope nor reason, the new case's scope names what it re-examines.
        ok(admin.post("/api/v1/oversight-cases/vn-o4-a/re-examinations", Map.of("id", "vn-o4-e",
                "recommendationIds", List.of("r3"), "openedOn", "2023-02-01")), 201);
        assertThat(caseAsOf("vn-o4-e", "2023-02-01").path("scope").asText())
                .isEqualTo("Việc thực hiện các kiến nghị r3 của cuộc giám sát: Giám sát vn-o4-a");
        assertThat(caseAsOf("vn-o4-b", "2023-02-01").path("scope").asText()).isEqualTo("Chậm thực hiện");
    }

    @Test
    void aReExaminationChangesBothCasesOrNeither() {
        council("vn-o6", "PROVINCE", null);
        openCase(admin, "vn-o6", "vn-o6-a", "2021-01-10", UBND);
        conclude("vn-o6-a", "2021-03-01", List.of(rec("r1", UBND, "2021-12-31"), rec("r2", UBND, "2021-12-31")));
        ok(closeRec("vn-o6-a", "r2", "2021-06-01", "IMPLEMENTED"), 200);
        long before = events();

        // The new case's rules refuse it (no such committee): the original records no link either.
        assertRule(admin.post("/api/v1/oversight-cases/vn-o6-a/re-examinations", Map.of("id", "vn-o6-b",
                "recommendationIds", List.of("r1"), "openedOn", "2022-02-01", "conductedBy", "COMMITTEE",
                "committeeId", "vn-o6-none")), "committee-exists");
        // The original's rules refuse it.
        assertRule(reExamine("vn-o6-a", "vn-o6-b", "2022-02-01", "r1", "r9"), "recommendation-exists");
        // The new id is taken.
        Api.Response taken = reExamine("vn-o6-a", "vn-o6-a", "2022-02-01", "r1");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(events()).isEqualTo(before);
        assertThat(anonymous.get("/api/v1/oversight-cases/vn-o6-b?minPosition=" + last).status()).isEqualTo(404);
        assertThat(caseAsOf("vn-o6-a", "2022-03-01").path("reExaminedBy")).isEmpty();

        // A conclusion that decides on a recommendation already closed is refused as a whole.
        ok(reExamine("vn-o6-a", "vn-o6-b", "2022-02-01", "r1", "r2"), 201);
        before = events();
        assertRule(admin.post("/api/v1/oversight-cases/vn-o6-b/conclusion", Map.of("number", "KL-b",
                "issuedOn", "2022-04-01", "recommendations", List.of(),
                "closes", List.of(Map.of("recommendationId", "r1", "outcome", "IMPLEMENTED", "reason", "Xong"),
                        Map.of("recommendationId", "r2", "outcome", "NOT_IMPLEMENTED", "reason", "Sai")))),
                "recommendation-open");
        assertThat(events()).isEqualTo(before);
        assertThat(caseAsOf("vn-o6-b", "2022-04-01").path("status").asText()).isEqualTo("OPEN");

        // The original recommendation is closed first, then the new case refuses its own conclusion (a due date on
        // the day of issue): the closure is rolled back with it.
        assertRule(admin.post("/api/v1/oversight-cases/vn-o6-b/conclusion", Map.of("number", "KL-b",
                "issuedOn", "2022-04-01", "recommendations", List.of(rec("b1", UBND, "2022-04-01")),
                "closes", List.of(Map.of("recommendationId", "r1", "outcome", "IMPLEMENTED", "reason", "Xong")))),
                "due-after-issued");
        assertThat(events()).isEqualTo(before);
        assertThat(recommendation(caseAsOf("vn-o6-a", "2022-04-01"), "r1").path("closed").asBoolean()).isFalse();
        assertThat(caseAsOf("vn-o6-b", "2022-04-01").path("status").asText()).isEqualTo("OPEN");
        // Nothing of the refused attempt lingers in either case's state: the same decision, well formed, succeeds.
        ok(admin.post("/api/v1/oversight-cases/vn-o6-b/conclusion", Map.of("number", "KL-b",
                "issuedOn", "2022-04-01", "recommendations", List.of(rec("b1", UBND, "2022-04-02")),
                "closes", List.of(Map.of("recommendationId", "r1", "outcome", "IMPLEMENTED", "reason", "Xong")))),
                201);
        assertThat(recommendation(caseAsOf("vn-o6-a", "2022-04-01"), "r1").path("status").asText())
                .isEqualTo("IMPLEMENTED");
        assertRule(admin.post("/api/v1/oversight-cases/vn-o6-a/conclusion", Map.of("number", "KL-2",
                "issuedOn", "2022-04-01", "recommendations", List.of())), "conclusion-once");
    }

    @Test
    void withoutAsOfTheAnswersAreAsOfTodayInVietnam() {
        LocalDate today = LocalDate.now(VIETNAM);
        council("vn-o10", "PROVINCE", null);
        openCase(admin, "vn-o10", "vn-o10-gs1", today.minusDays(60).toString(), UBND);
        conclude("vn-o10-gs1", today.minusDays(40).toString(),
                List.of(rec("r1", UBND, today.minusDays(10).toString()),
                        rec("r2", SO_XD, today.plusDays(30).toString())));

        JsonNode aCase = get("/api/v1/oversight-cases/vn-o10-gs1");
        assertThat(recommendation(aCase, "r1").path("overdue").asBoolean()).isTrue();
        assertThat(recommendation(aCase, "r2").path("overdue").asBoolean()).isFalse();
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o10&overdue=true"), "id"))
                .containsExactly("vn-o10-gs1");
        JsonNode summary = get("/api/v1/dashboard/summary?councilId=vn-o10");
        assertThat(LocalDate.parse(summary.path("asOf").asText())).isBetween(today, LocalDate.now(VIETNAM));
        assertThat(summary.path("recommendations").path("open").asInt()).isEqualTo(2);
        assertThat(summary.path("recommendations").path("overdue").asInt()).isEqualTo(1);
        // The summary says which day it answers for.
        assertThat(get("/api/v1/dashboard/summary?councilId=vn-o10&asOf=2020-01-01").path("asOf").asText())
                .isEqualTo("2020-01-01");
    }

    @Test
    void agenciesAndTheDashboardRollUpTheCouncilAndEverythingBelowIt() {
        council("vn-o5", "PROVINCE", null);
        council("vn-o5-a", "DISTRICT", "vn-o5");
        council("vn-o8", "PROVINCE", null);
        openCase(admin, "vn-o5", "vn-o5-gs1", "2022-01-10", UBND);
        conclude("vn-o5-gs1", "2022-02-01", List.of(rec("r1", UBND, "2022-06-30"), rec("r2", UBND, "2022-06-30"),
                rec("r3", SO_XD, "2022-06-30"), rec("r4", SO_XD, "2023-06-30")));
        openCase(admin, "vn-o5-a", "vn-o5-a-gs1", "2022-01-10", SO_XD);
        conclude("vn-o5-a-gs1", "2022-02-01", List.of(rec("r1", SO_XD, "2022-06-30")));
        openCase(admin, "vn-o8", "vn-o8-gs1", "2022-01-10", SO_XD);
        conclude("vn-o8-gs1", "2022-02-01", List.of(rec("r1", SO_XD, "2022-06-30")));
        ok(closeRec("vn-o5-gs1", "r1", "2022-06-01", "IMPLEMENTED"), 200);
        ok(closeRec("vn-o5-gs1", "r2", "2022-06-15", "NOT_IMPLEMENTED"), 200);
        ok(closeRec("vn-o5-a-gs1", "r1", "2022-06-20", "IMPLEMENTED"), 200);
        ok(closeRec("vn-o5-gs1", "r4", "2022-06-20", "WITHDRAWN"), 200);

        Map<String, JsonNode> agencies = new HashMap<>();
        get("/api/v1/oversight/agencies?councilId=vn-o5&asOf=2022-07-01")
                .forEach(a -> agencies.put(a.path("agency").asText(), a));
        assertThat(agencies).containsOnlyKeys(UBND, SO_XD);
        JsonNode ubnd = agencies.get(UBND);
        assertThat(ubnd.path("recommendations").asInt()).isEqualTo(2);
        assertThat(ubnd.path("open").asInt()).isZero();
        assertThat(ubnd.path("implemented").asInt()).isEqualTo(1);
        assertThat(ubnd.path("notImplemented").asInt()).isEqualTo(1);
        assertThat(ubnd.path("implementationRate").asDouble()).isEqualTo(0.5);
        JsonNode soXd = agencies.get(SO_XD);
        assertThat(soXd.path("recommendations").asInt()).isEqualTo(3);
        assertThat(soXd.path("open").asInt()).isEqualTo(1);
        assertThat(soXd.path("overdue").asInt()).isEqualTo(1);
        assertThat(soXd.path("implemented").asInt()).isEqualTo(1);
        assertThat(soXd.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(soXd.path("implementationRate").asDouble()).isEqualTo(0.5);

        JsonNode district = get("/api/v1/oversight/agencies?councilId=vn-o5-a&asOf=2022-07-01");
        assertThat(texts(district, "agency")).containsExactly(SO_XD);
        assertThat(district.get(0).path("implementationRate").asDouble()).isEqualTo(1.0);
        JsonNode early = get("/api/v1/oversight/agencies?councilId=vn-o5&asOf=2022-02-01");
        assertThat(texts(early, "agency")).containsExactlyInAnyOrder(UBND, SO_XD);
        early.forEach(a -> assertThat(a.has("implementationRate")).as("nothing is due yet").isFalse());
        assertThat(texts(early, "open")).containsExactlyInAnyOrder("2", "3");
        assertThat(get("/api/v1/oversight/agencies?councilId=vn-o5&asOf=2022-01-31")).isEmpty();

        JsonNode block = get("/api/v1/dashboard/summary?councilId=vn-o5&asOf=2022-07-01").path("recommendations");
        assertThat(block.path("open").asInt()).isEqualTo(1);
        assertThat(block.path("overdue").asInt()).isEqualTo(1);
        assertThat(block.path("implemented").asInt()).isEqualTo(2);
        assertThat(block.path("notImplemented").asInt()).isEqualTo(1);
        JsonNode districtOnly = get("/api/v1/oversight-cases?councilId=vn-o5-a&asOf=2022-07-01");
        assertThat(texts(districtOnly, "id")).containsExactly("vn-o5-a-gs1");
        assertThat(texts(get("/api/v1/oversight-cases?councilId=vn-o5&asOf=2022-07-01"), "id"))
                .containsExactlyInAnyOrder("vn-o5-gs1", "vn-o5-a-gs1");
        assertThat(anonymous.get("/api/v1/oversight/agencies?councilId=vn-nowhere").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/oversight-cases?councilId=vn-nowhere").status()).isEqualTo(404);
    }

    @Test
    void textTheCaseViewsCouldNotHoldIs400AndTheLongestTheyCanIsStored() {
        council("vn-o11", "PROVINCE", null);
        long before = events();
        // 200 characters that NFC makes 600: over the title column's 500, the subject column's 300.
        String lengthened = "\uFB2C".repeat(200);
        Api.Response title = admin.post("/api/v1/councils/vn-o11/oversight-cases", Map.of("title", lengthened,
                "scope", "Phạm vi", "conductedBy", "COUNCIL", "subjects", List.of(UBND), "openedOn", "2022-01-10"));
        assertThat(title.status()).as(title.toString()).isEqualTo(400);
        Api.Response subject = admin.post("/api/v1/councils/vn-o11/oversight-cases", Map.of("title", "X",
                "scope", "Phạm vi", "conductedBy", "COUNCIL", "subjects", List.of(lengthened), "openedOn", "2022-01-10"));
        assertThat(subject.status()).as(subject.toString()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);

        String longest = "Giám sát " + "x".repeat(491);
        ok(admin.post("/api/v1/councils/vn-o11/oversight-cases", Map.of("id", "vn-o11-a", "title", longest,
                "scope", "Phạm vi", "conductedBy", "COUNCIL", "subjects", List.of(UBND), "openedOn", "2022-01-10")), 201);
        conclude("vn-o11-a", "2022-03-01", List.of(rec("r1", UBND, "2022-12-31")));
        // "Tái giám sát: " and a title of 500 characters would not fit the title column: the client gives one.
        before = events();
        Api.Response untitled = reExamine("vn-o11-a", "vn-o11-b", "2023-01-10", "r1");
        assertThat(untitled.status()).as(untitled.toString()).isEqualTo(400);
        assertThat(untitled.contentType()).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before);
        ok(admin.post("/api/v1/oversight-cases/vn-o11-a/re-examinations", Map.of("id", "vn-o11-b",
                "recommendationIds", List.of("r1"), "reason", "Chậm", "openedOn", "2023-01-10",
                "title", "Tái giám sát")), 201);
        assertThat(caseAsOf("vn-o11-a", "2023-01-10").path("title").asText()).isEqualTo(longest);
        assertThat(caseAsOf("vn-o11-b", "2023-01-10").path("title").asText()).isEqualTo("Tái giám sát");
    }

    @Test
    void commandsOnACaseAreAuthorisedByItsCouncilAndInvalidInputIs400() {
        council("vn-o7", "PROVINCE", null);
        council("vn-o9", "PROVINCE", null);
        Api clerk = anonymous.as("oversight-clerk", "oversight-clerk-pw");
        openCase(clerk, "vn-o7", "vn-o7-gs1", "2022-01-10", UBND);
        openCase(admin, "vn-o9", "vn-o9-gs1", "2022-01-10", UBND);
        long before = events();

        Map<String, String> finding = Map.of("text", "Phát hiện", "recordedOn", "2022-02-01");
        ok(clerk.post("/api/v1/oversight-cases/vn-o7-gs1/findings", finding), 201);
        before = events();
        assertThat(clerk.post("/api/v1/oversight-cases/vn-o9-gs1/findings", finding).status()).isEqualTo(403);
        assertThat(anonymous.as("clerk", "clerk-pw").post("/api/v1/oversight-cases/vn-o7-gs1/findings", finding)
                .status()).isEqualTo(403);
        assertThat(anonymous.post("/api/v1/oversight-cases/vn-o7-gs1/findings", finding).status()).isEqualTo(401);
        assertThat(clerk.post("/api/v1/oversight-cases/vn-o7-none/findings", finding).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/councils/vn-nowhere/oversight-cases", Map.of("title", "X",
                "scope", "Y", "conductedBy", "COUNCIL", "subjects", List.of(UBND), "openedOn", "2022-01-10")).status())
                .isEqualTo(404);

        Api.Response invalid = admin.post("/api/v1/councils/vn-o7/oversight-cases", Map.of("title", "X",
                "conductedBy", "SOMEONE", "openedOn", "2022-01-10"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        Api.Response noScope = admin.post("/api/v1/councils/vn-o7/oversight-cases", Map.of("title", "X",
                "scope", " ", "conductedBy", "COUNCIL", "subjects", List.of(UBND), "openedOn", "2022-01-10"));
        assertThat(noScope.status()).as(noScope.toString()).isEqualTo(400);
        assertThat(noScope.json().path("errors").findValuesAsText("field")).containsExactly("scope");
        Api.Response noSubjects = admin.post("/api/v1/councils/vn-o7/oversight-cases", Map.of("title", "X",
                "conductedBy", "COUNCIL", "subjects", List.of(), "openedOn", "2022-01-10"));
        assertThat(noSubjects.status()).isEqualTo(400);
        assertThat(noSubjects.json().path("errors").findValuesAsText("field")).contains("subjects");
        Api.Response noDue = admin.post("/api/v1/oversight-cases/vn-o7-gs1/conclusion", Map.of("number", "KL",
                "issuedOn", "2022-03-01", "recommendations", List.of(Map.of("addressee", UBND, "action", "Làm"))));
        assertThat(noDue.status()).as(noDue.toString()).isEqualTo(400);
        assertThat(admin.post("/api/v1/oversight-cases/vn-o7-gs1/recommendations/r1/closure",
                Map.of("outcome", "IMPLEMENTED", "closedOn", "2022-03-01")).status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/oversight-cases?status=FINISHED").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/oversight-cases/vn-o7-gs1?asOf=soon").status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);

        // A server-chosen case id nests under the council; recommendation ids default to r1, r2…
        Api.Response minted = ok(clerk.post("/api/v1/councils/vn-o7/oversight-cases", Map.of("title", "Khảo sát",
                "scope", "Thu chi ngân sách", "conductedBy", "DELEGATE_GROUP", "subjects", List.of(UBND),
                "openedOn", "2022-01-10")), 201);
        String id = minted.json().path("id").asText();
        assertThat(id).startsWith("vn-o7-gs-");
        ok(clerk.post("/api/v1/oversight-cases/" + id + "/conclusion", Map.of("number", "KL", "issuedOn",
                "2022-03-01", "recommendations", List.of(Map.of("addressee", UBND, "action", "Làm",
                        "dueOn", "2022-09-30")))), 201);
        assertThat(texts(caseAsOf(id, "2022-03-01").path("recommendations"), "id")).containsExactly("r1");
    }
}
