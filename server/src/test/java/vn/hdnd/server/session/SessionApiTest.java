package vn.hdnd.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hdnd.server.session.Councils.created;
import static vn.hdnd.server.session.Councils.delegates;
import static vn.hdnd.server.session.Councils.ok;

/**
 * Sessions, votes and resolutions end to end on PostgreSQL: commands over HTTP, then the query answers. Council ids
 * vn-s1… are this class's own.
 */
@PostgresTest
class SessionApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;
    Councils record;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
        record = new Councils(admin);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static void refused(Api.Response response, int status, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(response.json().path("rule").asText()).as(response.toString()).isEqualTo(rule);
        }
    }

    @Test
    void decidesTheVoteByTheRuleAgainstThe95DelegatesOfTheArticle() {
        record.council("vn-s1", null, "PROVINCE", 95);
        Api clerk = anonymous.as("session-clerk", "session-clerk-pw");
        Api.Response scheduled = clerk.post("/api/v1/councils/vn-s1/sessions",
                Map.of("id", "vn-s1-k1", "number", 1, "kind", "REGULAR", "scheduledFor", "2021-06-23"));
        created(scheduled);
        assertThat(scheduled.json().path("id").asText()).isEqualTo("vn-s1-k1");
        assertThat(session("vn-s1-k1", scheduled).path("status").asText()).isEqualTo("SCHEDULED");
        ok(clerk.post("/api/v1/sessions/vn-s1-k1/convene", Map.of("convenedOn", "2021-06-23",
                "presentDelegateIds", delegates("vn-s1", 1, 93))));
        record.motion("vn-s1-k1", "m47", "Nghị quyết thứ nhất", null, null);
        Api.Response tabled = record.motion("vn-s1-k1", "m48", "Nghị quyết thứ hai", null, null);
        assertThat(session("vn-s1-k1", tabled).path("motions").findValuesAsText("outcome"))
                .containsExactly("PENDING", "PENDING");

        // 47 of 95 is not more than half: the vote is recorded and rejected; an outcome the client sends along is
        // ignored like any unknown field.
        created(clerk.post("/api/v1/sessions/vn-s1-k1/motions/m47/vote", Map.of("yes", 47, "no", 0,
                "abstain", 0, "votedOn", "2021-06-25", "outcome", "ADOPTED")));
        Api.Response adopted = created(record.vote("vn-s1-k1", "m48", 48, 30, 10, "2021-06-25"));
        assertThat(adopted.json().path("id").asText()).isEqualTo("m48");

        JsonNode session = session("vn-s1-k1", adopted);
        assertThat(session.path("councilId").asText()).isEqualTo("vn-s1");
        assertThat(session.path("number").asInt()).isEqualTo(1);
        assertThat(session.path("kind").asText()).isEqualTo("REGULAR");
        assertThat(session.path("status").asText()).isEqualTo("CONVENED");
        assertThat(session.path("presentDelegateIds")).hasSize(93);
        assertThat(session.path("attendance").path("totalDelegates").asInt()).isEqualTo(95);
        assertThat(session.path("attendance").path("absent").asInt()).isEqualTo(2);
        JsonNode motions = session.path("motions");
        assertThat(motions.findValuesAsText("id")).containsExactly("m47", "m48");
        assertThat(motions.get(0).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(motions.get(0).path("vote").path("yes").asInt()).isEqualTo(47);
        assertThat(motions.get(0).has("resolutionId")).isFalse();
        assertThat(motions.get(1).path("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(motions.get(1).path("resolutionId").asText()).isEqualTo("vn-s1-nq-2021-1");
        JsonNode vote = motions.get(1).path("vote");
        assertThat(vote.path("yes").asInt()).isEqualTo(48);
        assertThat(vote.path("no").asInt()).isEqualTo(30);
        assertThat(vote.path("abstain").asInt()).isEqualTo(10);
        assertThat(vote.path("totalDelegates").asInt()).isEqualTo(95);
        assertThat(vote.path("rule").asText()).isEqualTo("MORE_THAN_HALF_OF_TOTAL");
        assertThat(vote.path("ruleSet").asText()).isEqualTo("LOLG-77-2015");

        JsonNode resolutions = anonymous.get("/api/v1/resolutions?councilId=vn-s1").json();
        assertThat(resolutions).hasSize(1);
        JsonNode resolution = resolutions.get(0);
        assertThat(resolution.path("id").asText()).isEqualTo("vn-s1-nq-2021-1");
        assertThat(resolution.path("number").asText()).isEqualTo("1/2021/NQ-HĐND");
        assertThat(resolution.path("title").asText()).isEqualTo("Nghị quyết thứ hai");
        assertThat(resolution.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(resolution.path("vote").path("totalDelegates").asInt()).isEqualTo(95);
        assertThat(resolution.path("vote").path("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(resolution.path("amendedBy")).isEmpty();
        JsonNode sessions = anonymous.get("/api/v1/sessions?councilId=vn-s1").json();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("id").asText()).isEqualTo("vn-s1-k1");
        assertThat(sessions.get(0).path("motions")).hasSize(2);

        // The session's council scopes its commands.
        refused(anonymous.as("ba-vi-clerk", "ba-vi-pw").post("/api/v1/sessions/vn-s1-k1/adjournment",
                Map.of("adjournedOn", "2021-06-25")), 403, null);
        Api.Response adjourned = ok(clerk.post("/api/v1/sessions/vn-s1-k1/adjournment",
                Map.of("adjournedOn", "2021-06-25")));
        assertThat(session("vn-s1-k1", adjourned).path("status").asText()).isEqualTo("ADJOURNED");
    }

    @Test
    void leavesADelegateWhoseMandateEndedBeforeTheVoteOutOfTheTotal() {
        record.council("vn-s2", null, "PROVINCE", 5);
        ok(admin.post("/api/v1/councils/vn-s2/delegates/vn-s2-d5/mandate-end",
                Map.of("reason", "RESIGNED", "effectiveOn", "2021-09-01")));
        created(admin.post("/api/v1/councils/vn-s2/sessions",
                Map.of("id", "vn-s2-k2", "number", 2, "kind", "THEMATIC", "scheduledFor", "2021-12-08")));
        refused(admin.post("/api/v1/sessions/vn-s2-k2/convene", Map.of("convenedOn", "2021-12-08",
                "presentDelegateIds", delegates("vn-s2", 1, 5))), 409, "present-delegates-seated");
        ok(admin.post("/api/v1/sessions/vn-s2-k2/convene", Map.of("convenedOn", "2021-12-08",
                "presentDelegateIds", delegates("vn-s2", 1, 4))));
        record.motion("vn-s2-k2", "m1", "Nghị quyết về ngân sách", null, null);
        // Four delegates are seated on the vote date: five votes exceed them, and the vote records 4 as its total.
        refused(record.vote("vn-s2-k2", "m1", 3, 1, 1, "2021-12-08"), 409, "votes-within-total");
        Api.Response vote = created(record.vote("vn-s2-k2", "m1", 3, 1, 0, "2021-12-08"));
        JsonNode motion = anonymous.get("/api/v1/sessions/vn-s2-k2?minPosition=" + vote.position()).json()
                .path("motions").get(0);
        assertThat(motion.path("vote").path("totalDelegates").asInt()).isEqualTo(4);
        assertThat(motion.path("outcome").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void anAdoptedDismissalEndsTheDelegatesMandate() {
        record.council("vn-s3", null, "PROVINCE", 6);
        record.session("vn-s3", "vn-s3-k1", 1, "2021-12-08", delegates("vn-s3", 1, 6));
        created(admin.post("/api/v1/sessions/vn-s3-k1/motions", Map.of("id", "bn1", "kind", "DISMISSAL",
                "title", "Nghị quyết bãi nhiệm đại biểu Trần Văn 6", "delegateId", "vn-s3-d6")));
        List<Map<String, String>> ballots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ballots.add(Map.of("delegateId", "vn-s3-d" + i, "choice", "YES"));
        }
        ballots.add(Map.of("delegateId", "vn-s3-d5", "choice", "NO"));
        ballots.add(Map.of("delegateId", "vn-s3-d6", "choice", "ABSTAIN"));
        refused(admin.post("/api/v1/sessions/vn-s3-k1/motions/bn1/vote", Map.of("votedOn", "2021-12-09",
                "ballots", List.of(Map.of("delegateId", "vn-s3-d1", "choice", "YES"),
                        Map.of("delegateId", "vn-s3-d1", "choice", "NO")))), 409, "one-ballot-per-delegate");
        refused(admin.post("/api/v1/sessions/vn-s3-k1/motions/bn1/vote", Map.of("votedOn", "2021-12-09",
                "yes", 4, "no", 1, "abstain", 1, "ballots", ballots)), 400, null);
        // 4 of 6 is exactly two thirds: "at least two thirds" dismisses.
        Api.Response vote = created(admin.post("/api/v1/sessions/vn-s3-k1/motions/bn1/vote",
                Map.of("votedOn", "2021-12-09", "ballots", ballots)));

        String after = "minPosition=" + vote.position();
        assertThat(anonymous.get("/api/v1/councils/vn-s3/delegates?asOf=2021-12-09&" + after).json()
                .findValuesAsText("id")).hasSize(5).doesNotContain("vn-s3-d6");
        assertThat(anonymous.get("/api/v1/councils/vn-s3/delegates?asOf=2021-12-08").json()).hasSize(6);
        JsonNode motion = anonymous.get("/api/v1/sessions/vn-s3-k1").json().path("motions").get(0);
        assertThat(motion.path("kind").asText()).isEqualTo("DISMISSAL");
        assertThat(motion.path("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(motion.path("vote").path("rule").asText()).isEqualTo("TWO_THIRDS_OF_TOTAL");
        assertThat(motion.path("vote").path("yes").asInt()).isEqualTo(4);
        assertThat(motion.path("ballots")).hasSize(6);
        assertThat(motion.path("ballots").get(5).path("choice").asText()).isEqualTo("ABSTAIN");
        JsonNode resolution = anonymous.get("/api/v1/resolutions/" + motion.path("resolutionId").asText()).json();
        assertThat(resolution.path("number").asText()).isEqualTo("1/2021/NQ-HĐND");
        assertThat(resolution.path("kind").asText()).isEqualTo("DISMISSAL");
        assertThat(resolution.path("delegateId").asText()).isEqualTo("vn-s3-d6");
        assertThat(resolution.path("ballots")).hasSize(6);
        // From the vote date the dismissed delegate holds no mandate: dismissing again is refused by the rule.
        created(admin.post("/api/v1/sessions/vn-s3-k1/motions", Map.of("id", "bn2", "kind", "DISMISSAL",
                "title", "Bãi nhiệm lần nữa", "delegateId", "vn-s3-d6")));
        refused(record.vote("vn-s3-k1", "bn2", 5, 0, 0, "2021-12-10"), 409, "dismissed-delegate-is-seated");
    }

    @Test
    void amendsAndRepealsEarlierResolutionsWithLinksBothWaysAsOfAnyDate() {
        record.council("vn-s4", null, "PROVINCE", 3);
        record.session("vn-s4", "vn-s4-k1", 1, "2021-06-25", delegates("vn-s4", 1, 3));
        record.adopt("vn-s4-k1", "m1", "Nghị quyết về quản lý đất đai", 2, "2021-06-25", null, null);
        record.adopt("vn-s4-k1", "m2", "Nghị quyết về phí tham quan", 2, "2021-06-25", null, null);
        ok(admin.post("/api/v1/sessions/vn-s4-k1/adjournment", Map.of("adjournedOn", "2021-06-25")));
        refused(admin.post("/api/v1/sessions/vn-s4-k1/motions", Map.of("id", "late", "kind", "RESOLUTION",
                "title", "Muộn")), 409, "no-motion-after-adjournment");

        record.session("vn-s4", "vn-s4-k2", 2, "2021-12-10", delegates("vn-s4", 1, 3));
        refused(admin.post("/api/v1/sessions/vn-s4-k2/motions", Map.of("id", "x", "kind", "RESOLUTION",
                "title", "Sửa nghị quyết của hội đồng khác", "amends", List.of("vn-s1-nq-2021-1"))), 409,
                "amends-resolution-of-this-council");
        Api.Response last = record.adopt("vn-s4-k2", "m3", "Nghị quyết sửa đổi, bổ sung Nghị quyết số 1/2021/NQ-HĐND "
                + "và bãi bỏ Nghị quyết số 2/2021/NQ-HĐND", 2, "2021-12-10", List.of("vn-s4-nq-2021-1"),
                List.of("vn-s4-nq-2021-2"));
        String after = "&minPosition=" + last.position();

        Map<String, JsonNode> now = byId(anonymous.get("/api/v1/resolutions?councilId=vn-s4&asOf=2021-12-31"
                + after).json());
        assertThat(now.get("vn-s4-nq-2021-1").path("status").asText()).isEqualTo("AMENDED");
        assertThat(now.get("vn-s4-nq-2021-1").path("amendedBy").get(0).asText()).isEqualTo("vn-s4-nq-2021-3");
        assertThat(now.get("vn-s4-nq-2021-2").path("status").asText()).isEqualTo("REPEALED");
        assertThat(now.get("vn-s4-nq-2021-2").path("repealedBy").asText()).isEqualTo("vn-s4-nq-2021-3");
        assertThat(now.get("vn-s4-nq-2021-3").path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(now.get("vn-s4-nq-2021-3").path("number").asText()).isEqualTo("3/2021/NQ-HĐND");
        assertThat(now.get("vn-s4-nq-2021-3").path("amends").get(0).asText()).isEqualTo("vn-s4-nq-2021-1");
        assertThat(now.get("vn-s4-nq-2021-3").path("repeals").get(0).asText()).isEqualTo("vn-s4-nq-2021-2");

        // As of the summer, the December resolution did not exist and the others were in force.
        Map<String, JsonNode> summer = byId(anonymous.get("/api/v1/resolutions?councilId=vn-s4&asOf=2021-07-01")
                .json());
        assertThat(summer.keySet()).containsExactlyInAnyOrder("vn-s4-nq-2021-1", "vn-s4-nq-2021-2");
        assertThat(summer.values()).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("IN_FORCE");
            assertThat(r.path("amendedBy")).isEmpty();
            assertThat(r.has("repealedBy")).isFalse();
        });
        assertThat(anonymous.get("/api/v1/resolutions/vn-s4-nq-2021-3?asOf=2021-07-01").status()).isEqualTo(404);

        assertThat(anonymous.get("/api/v1/resolutions?councilId=vn-s4&status=REPEALED&asOf=2021-12-31").json()
                .findValuesAsText("id")).containsExactly("vn-s4-nq-2021-2");
        assertThat(anonymous.get("/api/v1/resolutions?councilId=vn-s4&status=REPEALED&asOf=2021-07-01").json())
                .isEmpty();
        assertThat(anonymous.get("/api/v1/resolutions?status=ABOLISHED").status()).isEqualTo(400);

        JsonNode history = anonymous.get("/api/v1/resolutions/vn-s4-nq-2021-1?asOf=2021-12-31").json()
                .path("history");
        assertThat(history.findValuesAsText("change")).containsExactly("ADOPTED", "AMENDED");
        assertThat(history.get(1).path("on").asText()).isEqualTo("2021-12-10");
        assertThat(history.get(1).path("byNumber").asText()).isEqualTo("3/2021/NQ-HĐND");
        assertThat(anonymous.get("/api/v1/resolutions/vn-s4-nq-2021-1?asOf=2021-07-01").json()
                .path("history")).hasSize(1);

        // A repealed resolution cannot be amended again; numbers start again in a new year.
        record.session("vn-s4", "vn-s4-k3", 3, "2022-07-05", delegates("vn-s4", 1, 3));
        refused(admin.post("/api/v1/sessions/vn-s4-k3/motions", Map.of("id", "m4", "kind", "RESOLUTION",
                "title", "Sửa lại", "amends", List.of("vn-s4-nq-2021-2"))), 409, "amends-resolution-not-repealed");
        Api.Response nextYear = record.adopt("vn-s4-k3", "m5", "Nghị quyết năm 2022", 2, "2022-07-05", null, null);
        assertThat(anonymous.get("/api/v1/resolutions/vn-s4-nq-2022-1?minPosition=" + nextYear.position()).json()
                .path("number").asText()).isEqualTo("1/2022/NQ-HĐND");
    }

    @Test
    void searchFoldsCaseAndDiacriticsAndRanksWhatWasTypedFirst() {
        record.council("vn-s6", null, "PROVINCE", 3);
        record.session("vn-s6", "vn-s6-k1", 1, "2021-06-25", delegates("vn-s6", 1, 3));
        record.adopt("vn-s6-k1", "m1", "Nghị quyết về tăng cường quản lý nhà nước về đất đai", 2, "2021-06-25",
                null, null);
        record.adopt("vn-s6-k1", "m2", "Nghị quyết về cải tạo Đường Láng", 2, "2021-06-25", null, null);
        record.adopt("vn-s6-k1", "m3", "Nghị quyết đặt tên phố Dương Quảng Hàm", 2, "2021-06-25", null, null);
        // Only the text names the bridge.
        record.motion("vn-s6-k1", "m4", "Nghị quyết về phát triển giao thông",
                "Điều 1. Xây dựng cầu Tứ Liên qua sông Hồng.", null, null);
        Api.Response last = created(record.vote("vn-s6-k1", "m4", 2, 0, 0, "2021-06-25"));
        assertThat(anonymous.get("/api/v1/resolutions?minPosition=" + last.position()).status()).isEqualTo(200);
        String in = "/api/v1/resolutions?councilId=vn-s6&asOf=2021-12-31&q=";

        assertThat(titles(search(in, "nghi quyet dat dai"))).containsExactly(
                "Nghị quyết về tăng cường quản lý nhà nước về đất đai");
        assertThat(titles(search(in, "ĐẤT ĐAI"))).hasSize(1);
        assertThat(titles(search(in, Normalizer.normalize("đất đai", Normalizer.Form.NFD)))).hasSize(1);
        assertThat(titles(search(in, "3/2021/NQ-HĐND"))).containsExactly("Nghị quyết đặt tên phố Dương Quảng Hàm");
        // "đường" and "dương" fold alike; what was typed ranks first, before the newer resolution would.
        assertThat(titles(search(in, "đường"))).containsExactly("Nghị quyết về cải tạo Đường Láng",
                "Nghị quyết đặt tên phố Dương Quảng Hàm");
        assertThat(titles(search(in, "dương"))).containsExactly("Nghị quyết đặt tên phố Dương Quảng Hàm",
                "Nghị quyết về cải tạo Đường Láng");
        assertThat(titles(search(in, "cau tu lien"))).containsExactly("Nghị quyết về phát triển giao thông");
        assertThat(titles(search(in, "khong co gi"))).isEmpty();
        assertThat(search(in, "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void refusesWhatBreaksTheRulesAndAppendsNothing() {
        record.council("vn-s7", null, "PROVINCE", 3);
        created(admin.post("/api/v1/councils/vn-s7/sessions",
                Map.of("id", "vn-s7-k1", "number", 1, "kind", "URGENT", "scheduledFor", "2021-07-01")));
        long before = events();
        refused(admin.post("/api/v1/councils/vn-s7/sessions",
                Map.of("id", "vn-s7-k1b", "number", 1, "kind", "REGULAR", "scheduledFor", "2021-12-01")), 409,
                "session-number-unique-in-term");
        assertThat(admin.post("/api/v1/councils/vn-s7/sessions",
                Map.of("id", "vn-s7-k1", "number", 2, "kind", "REGULAR", "scheduledFor", "2021-12-01")).status())
                .isEqualTo(409);
        refused(admin.post("/api/v1/councils/vn-s7/sessions",
                Map.of("id", "vn-s7-k0", "number", 2, "kind", "REGULAR", "scheduledFor", "2020-12-01")), 409,
                "session-within-term");
        refused(admin.post("/api/v1/sessions/vn-s7-k1/motions", Map.of("id", "m1", "kind", "RESOLUTION",
                "title", "Trước khai mạc")), 409, "no-motion-before-convening");
        refused(record.vote("vn-s7-k1", "m1", 2, 0, 0, "2021-07-01"), 409, "no-vote-before-convening");
        refused(admin.post("/api/v1/sessions/vn-s7-k1/adjournment", Map.of("adjournedOn", "2021-07-01")), 409,
                "adjourned-after-convening");
        assertThat(events()).isEqualTo(before);

        ok(admin.post("/api/v1/sessions/vn-s7-k1/convene",
                Map.of("convenedOn", "2021-07-01", "presentDelegateIds", delegates("vn-s7", 1, 3))));
        record.motion("vn-s7-k1", "m1", "Nghị quyết khẩn", null, null);
        long convened = events();
        refused(record.vote("vn-s7-k1", "m1", 2, 1, 1, "2021-07-01"), 409, "votes-within-total");
        refused(record.vote("vn-s7-k1", "m9", 2, 0, 0, "2021-07-01"), 409, "motion-tabled");
        refused(record.vote("vn-s7-k1", "m1", 2, 0, 0, "2021-06-30"), 409, "vote-after-convening");
        refused(admin.post("/api/v1/sessions/vn-s7-k1/motions/m1/vote", Map.of("yes", -1, "no", 0, "abstain", 0,
                "votedOn", "2021-07-01")), 400, null);
        refused(admin.post("/api/v1/sessions/vn-s7-k1/motions/m1/vote", Map.of("yes", 2, "votedOn", "2021-07-01")),
                400, null);
        refused(admin.post("/api/v1/sessions/vn-s7-k1/motions/m1/vote", Map.of("votedOn", "2021-07-01",
                "ballots", List.of(Map.of("delegateId", "vn-s1-d1", "choice", "YES")))), 409,
                "ballot-by-seated-delegate");
        assertThat(events()).isEqualTo(convened);

        created(record.vote("vn-s7-k1", "m1", 2, 0, 0, "2021-07-01"));
        refused(record.vote("vn-s7-k1", "m1", 3, 0, 0, "2021-07-01"), 409, "motion-voted-once");
        refused(admin.post("/api/v1/sessions/vn-s7-k1/adjournment", Map.of("adjournedOn", "2021-06-30")), 409,
                "adjourned-after-last-vote");

        refused(admin.post("/api/v1/sessions/vn-unknown/convene",
                Map.of("convenedOn", "2021-07-01", "presentDelegateIds", List.of())), 404, null);
        refused(admin.post("/api/v1/sessions/vn-s7/convene",
                Map.of("convenedOn", "2021-07-01", "presentDelegateIds", List.of())), 404, null);
        refused(anonymous.post("/api/v1/sessions/vn-s7-k1/adjournment", Map.of("adjournedOn", "2021-07-02")), 401,
                null);
        refused(anonymous.as("auditor", "auditor-pw").post("/api/v1/sessions/vn-s7-k1/adjournment",
                Map.of("adjournedOn", "2021-07-02")), 403, null);
        assertThat(anonymous.get("/api/v1/sessions/vn-unknown").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/resolutions/vn-unknown").status()).isEqualTo(404);
    }

    @Test
    void refusesWhatTheResolutionViewsCouldNotHoldAndStoresWhatTheyCan() {
        record.council("vn-s10", null, "PROVINCE", 3);
        record.session("vn-s10", "vn-s10-k1", 1, "2021-06-25", delegates("vn-s10", 1, 3));
        record.adopt("vn-s10-k1", "m1", "Nghị quyết về đất đai", 2, "2021-06-25", null, null);
        long before = events();
        // 200 characters that NFC makes 600: over the title column's 500.
        refused(admin.post("/api/v1/sessions/vn-s10-k1/motions", Map.of("id", "m2", "kind", "RESOLUTION",
                "title", "\uFB2C".repeat(200))), 400, null);
        // A resolution listed twice would record the same amendment twice.
        refused(admin.post("/api/v1/sessions/vn-s10-k1/motions", Map.of("id", "m2", "kind", "RESOLUTION",
                "title", "Sửa đổi", "amends", List.of("vn-s10-nq-2021-1", "vn-s10-nq-2021-1"))), 400, null);
        refused(admin.post("/api/v1/sessions/vn-s10-k1/motions", Map.of("id", "m2", "kind", "RESOLUTION",
                "title", "Bãi bỏ", "repeals", List.of("vn-s10-nq-2021-1", "vn-s10-nq-2021-1"))), 400, null);
        assertThat(events()).isEqualTo(before);

        // 500 Hangul syllables fold to 1,500 letters; the resolution is searchable all the same.
        String hangul = "\uD55C".repeat(500);
        Api.Response adopted = record.adopt("vn-s10-k1", "m2", hangul, 2, "2021-06-25", null, null);
        Api.Response found = anonymous.get("/api/v1/resolutions?councilId=vn-s10&asOf=2021-12-31&minPosition="
                + adopted.position());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(titles(found)).contains(hangul);
    }

    @Test
    void aRepeatedVoteWithTheSameIdempotencyKeyAppendsNothing() {
        record.council("vn-s8", null, "PROVINCE", 3);
        record.session("vn-s8", "vn-s8-k1", 1, "2021-07-01", delegates("vn-s8", 1, 3));
        record.motion("vn-s8-k1", "m1", "Nghị quyết", null, null);
        Api keyed = admin.header("Idempotency-Key", "vote-vn-s8-m1");
        Map<String, Object> body = Map.of("yes", 2, "no", 1, "abstain", 0, "votedOn", "2021-07-01");
        Api.Response first = created(keyed.post("/api/v1/sessions/vn-s8-k1/motions/m1/vote", body));
        long after = events();
        Api.Response again = created(keyed.post("/api/v1/sessions/vn-s8-k1/motions/m1/vote", body));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(events()).isEqualTo(after);
        assertThat(anonymous.get("/api/v1/resolutions?councilId=vn-s8&minPosition=" + first.position()).json())
                .hasSize(1);
    }

    @Test
    void concurrentVotesInTwoSessionsOfACouncilTakeDistinctSequentialNumbers() throws Exception {
        record.council("vn-s9", null, "PROVINCE", 3);
        int perSession = 10;
        for (String session : List.of("vn-s9-k1", "vn-s9-k2")) {
            record.session("vn-s9", session, session.endsWith("1") ? 1 : 2, "2021-07-01", delegates("vn-s9", 1, 3));
            for (int m = 1; m <= perSession; m++) {
                record.motion(session, "m" + m, "Nghị quyết " + session + " " + m, null, null);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Response>> votes = new ArrayList<>();
            for (int m = 1; m <= perSession; m++) {
                for (String session : List.of("vn-s9-k1", "vn-s9-k2")) {
                    String motion = "m" + m;
                    votes.add(() -> record.vote(session, motion, 2, 1, 0, "2021-07-01"));
                }
            }
            long last = 0;
            for (Future<Api.Response> vote : pool.invokeAll(votes)) {
                last = Math.max(last, created(vote.get()).position());
            }
            List<String> numbers = anonymous.get("/api/v1/resolutions?councilId=vn-s9&minPosition=" + last).json()
                    .findValuesAsText("number");
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 2 * perSession; n++) {
                expected.add(n + "/2021/NQ-HĐND");
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDashboardCountsResolutionsAdoptedOverTheCouncilAndEverythingBelowIt() {
        record.council("vn-s5", null, "PROVINCE", 3);
        record.council("vn-s5-a", "vn-s5", "DISTRICT", 3);
        record.session("vn-s5", "vn-s5-k1", 1, "2021-07-01", delegates("vn-s5", 1, 3));
        record.session("vn-s5-a", "vn-s5-a-k1", 1, "2021-07-02", delegates("vn-s5-a", 1, 3));
        record.adopt("vn-s5-k1", "m1", "Nghị quyết thành phố", 2, "2021-07-01", null, null);
        record.motion("vn-s5-k1", "m2", "Nghị quyết không được thông qua", null, null);
        created(record.vote("vn-s5-k1", "m2", 1, 2, 0, "2021-07-01"));
        Api.Response last = record.adopt("vn-s5-a-k1", "m1", "Nghị quyết huyện", 2, "2021-07-02", null, null);

        String summary = "/api/v1/dashboard/summary?minPosition=" + last.position() + "&councilId=";
        assertThat(anonymous.get(summary + "vn-s5&asOf=2021-12-31").json().path("resolutionsAdopted").asInt())
                .isEqualTo(2);
        assertThat(anonymous.get(summary + "vn-s5-a&asOf=2021-12-31").json().path("resolutionsAdopted").asInt())
                .isEqualTo(1);
        assertThat(anonymous.get(summary + "vn-s5&asOf=2021-07-01").json().path("resolutionsAdopted").asInt())
                .isEqualTo(1);
        assertThat(anonymous.get(summary + "vn-s5&asOf=2021-06-30").json().path("resolutionsAdopted").asInt())
                .isZero();
    }

    /** The session as the query side answers it once it has caught up with {@code after}. */
    private JsonNode session(String sessionId, Api.Response after) {
        return anonymous.get("/api/v1/sessions/" + sessionId + "?minPosition=" + after.position()).json();
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> byId = new HashMap<>();
        list.forEach(r -> byId.put(r.path("id").asText(), r));
        return byId;
    }

    private Api.Response search(String path, String q) {
        return anonymous.get(path + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static List<String> titles(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().findValuesAsText("title");
    }
}
