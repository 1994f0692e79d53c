package vn.hdnd.server.council;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Councils and delegates end to end on PostgreSQL: commands over HTTP, then the query answers. */
@PostgresTest
class CouncilApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;
    Api clerk;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
        clerk = anonymous.as("test-clerk", "test-clerk-pw");
    }

    @Test
    void runsOnPostgreSql(@Autowired DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    /** A province council with one district under it, a term, delegates, a committee and its leadership. */
    static long district(Api admin, String province, String district, int seats, int delegates) {
        assertThat(admin.post("/api/v1/councils", Map.of("id", province, "name", "HĐND tỉnh " + province,
                "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/councils", Map.of("id", district, "name", "HĐND huyện " + district,
                "tier", "DISTRICT", "parentId", province, "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/councils/" + district + "/terms",
                Map.of("term", "2021-2026", "seats", seats, "startsOn", "2021-05-23")).status()).isEqualTo(201);
        long position = 0;
        for (int i = 1; i <= delegates; i++) {
            Api.Response seated = admin.post("/api/v1/councils/" + district + "/delegates", Map.of(
                    "id", district + "-d" + i, "fullName", "Nguyễn Văn " + i, "fullTime", false,
                    "constituency", "Đơn vị bầu cử số 1", "seatedOn", "2021-06-01"));
            assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
            position = seated.position();
        }
        return position;
    }

    @Test
    void seatsDelegatesAndElectsLeadershipThenAnswersTheQueries() {
        district(admin, "vn-t1", "vn-t1-a", 35, 3);
        Api.Response committee = clerk.post("/api/v1/councils/vn-t1-a/committees",
                Map.of("id", "vn-t1-a-phap-che", "name", "Ban Pháp chế", "formedOn", "2021-06-25"));
        assertThat(committee.status()).isEqualTo(201);
        assertThat(committee.json().path("id").asText()).isEqualTo("vn-t1-a-phap-che");
        assertThat(clerk.post("/api/v1/councils/vn-t1-a/offices", Map.of("delegateId", "vn-t1-a-d1",
                "office", "CHAIR", "fullTime", true, "effectiveOn", "2021-06-25", "basis", "NQ 1")).status())
                .isEqualTo(201);
        assertThat(clerk.post("/api/v1/councils/vn-t1-a/offices", Map.of("delegateId", "vn-t1-a-d2",
                "office", "VICE_CHAIR", "fullTime", true, "effectiveOn", "2021-06-25")).status()).isEqualTo(201);
        Api.Response head = clerk.post("/api/v1/councils/vn-t1-a/offices", Map.of("delegateId", "vn-t1-a-d3",
                "office", "COMMITTEE_HEAD", "committeeId", "vn-t1-a-phap-che", "fullTime", false,
                "effectiveOn", "2021-06-25"));
        assertThat(head.status()).isEqualTo(201);
        assertThat(head.headers().firstValue("ETag")).contains("\"" + head.json().path("version").asLong() + "\"");

        JsonNode council = anonymous.get("/api/v1/councils/vn-t1-a?asOf=2021-07-01&minPosition="
                + head.position()).json();
        assertThat(council.path("tier").asText()).isEqualTo("DISTRICT");
        assertThat(council.path("parentId").asText()).isEqualTo("vn-t1");
        assertThat(council.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(council.path("term").asText()).isEqualTo("2021-2026");
        assertThat(council.path("seats").asInt()).isEqualTo(35);
        assertThat(council.path("delegates").asInt()).isEqualTo(3);
        assertThat(council.path("fullTimeDelegates").asInt()).isEqualTo(2);
        assertThat(council.path("leadershipComplete").asBoolean()).isTrue();
        assertThat(council.path("offices")).hasSize(3);
        assertThat(council.path("offices").findValuesAsText("fullName")).contains("Nguyễn Văn 1");
        assertThat(council.path("committees").get(0).path("name").asText()).isEqualTo("Ban Pháp chế");

        // Before the first session, nobody held an office: leadership was not yet complete.
        JsonNode before = anonymous.get("/api/v1/councils/vn-t1-a?asOf=2021-06-10").json();
        assertThat(before.path("leadershipComplete").asBoolean()).isFalse();
        assertThat(before.path("delegates").asInt()).isEqualTo(3);

        JsonNode list = anonymous.get("/api/v1/councils?parentId=vn-t1&asOf=2021-07-01").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo("vn-t1-a");
        assertThat(anonymous.get("/api/v1/councils?tier=PROVINCE&asOf=2021-07-01").json().findValuesAsText("id"))
                .contains("vn-t1").doesNotContain("vn-t1-a");
    }

    @Test
    void answersDelegatesAsOfAnyDateAcrossAMandateEnd() {
        district(admin, "vn-t2", "vn-t2-a", 10, 2);
        Api.Response ended = clerk.post("/api/v1/councils/vn-t2-a/delegates/vn-t2-a-d2/mandate-end",
                Map.of("reason", "RESIGNED", "effectiveOn", "2023-03-01", "basis", "Nghị quyết số 12"));
        assertThat(ended.status()).isEqualTo(200);
        String path = "/api/v1/councils/vn-t2-a/delegates?minPosition=" + ended.position() + "&asOf=";
        assertThat(anonymous.get(path + "2021-05-31").json()).isEmpty();
        assertThat(anonymous.get(path + "2023-02-28").json().findValuesAsText("id"))
                .containsExactly("vn-t2-a-d1", "vn-t2-a-d2");
        assertThat(anonymous.get(path + "2023-03-01").json().findValuesAsText("id")).containsExactly("vn-t2-a-d1");
        JsonNode delegate = anonymous.get(path + "2022-01-01").json().get(0);
        assertThat(delegate.path("fullName").asText()).isEqualTo("Nguyễn Văn 1");
        assertThat(delegate.path("seatedOn").asText()).isEqualTo("2021-06-01");
        assertThat(delegate.path("constituency").asText()).isEqualTo("Đơn vị bầu cử số 1");
        assertThat(delegate.path("fullTime").asBoolean()).isFalse();
    }

    @Test
    void dissolutionEndsTheCouncilOnItsDateAndKeepsItsHistory() {
        district(admin, "vn-t3", "vn-t3-a", 10, 2);
        Api.Response dissolved = admin.post("/api/v1/councils/vn-t3-a/dissolution", Map.of(
                "effectiveOn", "2025-07-01", "successorIds", List.of("vn-t3"), "basis", "Nghị quyết 202/2025/QH15"));
        assertThat(dissolved.status()).isEqualTo(200);
        String path = "/api/v1/councils/vn-t3-a?minPosition=" + dissolved.position() + "&asOf=";
        JsonNode before = anonymous.get(path + "2025-06-30").json();
        assertThat(before.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(before.path("delegates").asInt()).isEqualTo(2);
        JsonNode after = anonymous.get(path + "2025-07-01").json();
        assertThat(after.path("status").asText()).isEqualTo("DISSOLVED");
        assertThat(after.path("delegates").asInt()).isZero();
        assertThat(after.path("successorIds").get(0).asText()).isEqualTo("vn-t3");

        Api.Response refused = admin.post("/api/v1/councils/vn-t3-a/committees",
                Map.of("name", "Ban Pháp chế", "formedOn", "2025-08-01"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("council-not-dissolved");
    }

    @Test
    void successorsAreBoundedSoThatTheirListFitsTheView() {
        district(admin, "vn-t5", "vn-t5-a", 10, 0);
        List<String> successors = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            successors.add(String.format("vn-t5-%058d", i));
        }
        long before = jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
        Api.Response tooMany = admin.post("/api/v1/councils/vn-t5-a/dissolution",
                Map.of("effectiveOn", "2025-07-01", "successorIds", successors));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(before);

        // The most the API accepts: 30 ids of 64 characters, which the view stores.
        Api.Response dissolved = admin.post("/api/v1/councils/vn-t5-a/dissolution",
                Map.of("effectiveOn", "2025-07-01", "successorIds", successors.subList(0, 30)));
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
        JsonNode after = anonymous.get("/api/v1/councils/vn-t5-a?asOf=2025-07-01&minPosition="
                + dissolved.position()).json();
        assertThat(after.path("successorIds")).hasSize(30);
        assertThat(after.path("successorIds").get(29).asText()).hasSize(64);
    }

    /**
     * Rounds of 24 concurrent seats on a council of 10 seats. The same node answers every request, so each round after
     * the first command decides on the aggregate this node cached from the one before.
     */
    @RepeatedTest(8)
    void concurrentSeatsNeverExceedTheSeatsAndNeverFailWithA5xx(RepetitionInfo round) throws Exception {
        assertSeatRace(admin, clerk, jdbc, "vn-t4-" + round.getCurrentRepetition());
    }

    static void assertSeatRace(Api admin, Api clerk, JdbcClient jdbc, String province) throws Exception {
        String council = province + "-a";
        district(admin, province, council, 10, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                answers.add(pool.submit((Callable<Api.Response>) () -> clerk.post(
                        "/api/v1/councils/" + council + "/delegates", Map.of("id", council + "-c" + n,
                                "fullName", "Trần Thị " + n, "fullTime", false, "seatedOn", "2021-06-01"))));
            }
            List<Integer> statuses = new ArrayList<>();
            long last = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                statuses.add(response.status());
                if (response.status() == 201) {
                    last = Math.max(last, response.position());
                    // The answer names the event this command appended: its version and global index.
                    assertThat(jdbc.sql("""
                                    SELECT global_index FROM domain_event_entry
                                     WHERE aggregate_identifier = :id AND sequence_number = :version""")
                            .param("id", council).param("version", response.json().path("version").asLong())
                            .query(Long.class).single()).as(response.toString()).isEqualTo(response.position());
                }
            }
            assertThat(statuses).allMatch(s -> s == 201 || s == 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
            assertThat(admin.get("/api/v1/councils/" + council + "?asOf=2021-07-01&minPosition=" + last)
                    .json().path("delegates").asInt()).isEqualTo(10);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                    .param("id", council).query(Long.class).single()).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
    }
}
