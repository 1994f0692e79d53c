package vn.hdnd.server.council;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The councils projection writes each processor batch as JDBC batches when the batch commits. A council's history in
 * which later events update rows that earlier events of the same batch inserted must give the same answers, as of
 * every date, live, after a rebuild, and when the whole history is one batch.
 */
@PostgresTest
class CouncilRebuildTest {
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

    /**
     * Seats, a mandate end, a full-time office for a delegate whose mandate then ends (the office goes with it), a
     * committee head who leaves the office, a new chair, and a term end that closes every open mandate and office.
     *
     * @return the position of the last event
     */
    private long history(String council) {
        post("/api/v1/councils", Map.of("id", council, "name", "HĐND " + council, "tier", "PROVINCE",
                "establishedOn", "2008-08-01"));
        post("/api/v1/councils/" + council + "/terms",
                Map.of("term", "2021-2026", "seats", 10, "startsOn", "2021-05-23"));
        for (int i = 0; i < 3; i++) {
            post("/api/v1/councils/" + council + "/delegates", Map.of("id", council + "-d" + i,
                    "fullName", "Lê Văn " + i, "fullTime", i == 2, "seatedOn", "2021-06-01"));
        }
        post("/api/v1/councils/" + council + "/delegates/" + council + "-d0/mandate-end",
                Map.of("reason", "RESIGNED", "effectiveOn", "2022-01-10", "basis", "Nghị quyết 3"));
        post("/api/v1/councils/" + council + "/committees",
                Map.of("id", council + "-kt", "name", "Ban Kinh tế", "formedOn", "2021-06-25"));
        // d1 becomes full-time with the chair; the update of d1's row must come after its seat, and before its
        // mandate end (it applies to open mandates only).
        post("/api/v1/councils/" + council + "/offices", Map.of("delegateId", council + "-d1", "office", "CHAIR",
                "fullTime", true, "effectiveOn", "2021-06-25", "basis", "Nghị quyết 1"));
        post("/api/v1/councils/" + council + "/offices", Map.of("delegateId", council + "-d2",
                "office", "COMMITTEE_HEAD", "committeeId", council + "-kt", "fullTime", false,
                "effectiveOn", "2021-06-25"));
        post("/api/v1/councils/" + council + "/delegates/" + council + "-d1/mandate-end",
                Map.of("reason", "TRANSFERRED", "effectiveOn", "2023-03-01", "basis", "Quyết định 7"));
        post("/api/v1/councils/" + council + "/delegates", Map.of("id", council + "-d3",
                "fullName", "Phạm Thị 3", "fullTime", false, "seatedOn", "2023-04-01"));
        post("/api/v1/councils/" + council + "/offices", Map.of("delegateId", council + "-d3", "office", "CHAIR",
                "fullTime", true, "effectiveOn", "2023-04-01"));
        post("/api/v1/councils/" + council + "/offices/vacate", Map.of("delegateId", council + "-d2",
                "office", "COMMITTEE_HEAD", "committeeId", council + "-kt", "effectiveOn", "2024-01-01"));
        return post("/api/v1/councils/" + council + "/terms/2021-2026/end", Map.of("endsOn", "2026-05-01"))
                .position();
    }

    private Api.Response post(String path, Object body) {
        Api.Response response = admin.post(path, body);
        assertThat(response.status()).as(path + ": " + response).isBetween(200, 201);
        return response;
    }

    /** The answers the history above must give, read through the API. */
    private void assertAnswers(String council, long position) {
        String path = "/api/v1/councils/" + council + "?minPosition=" + position + "&asOf=";

        JsonNode seated = anonymous.get(path + "2021-06-10").json();
        assertThat(seated.path("delegates").asInt()).isEqualTo(3);
        assertThat(seated.path("fullTimeDelegates").asInt()).isEqualTo(1);
        assertThat(seated.path("offices")).isEmpty();
        assertThat(seated.path("leadershipComplete").asBoolean()).isFalse();

        // d0 has left; d1 chairs, full-time from the chair's first day; d2 heads the committee.
        JsonNode led = anonymous.get(path + "2022-06-01").json();
        assertThat(led.path("delegates").asInt()).isEqualTo(2);
        assertThat(led.path("fullTimeDelegates").asInt()).isEqualTo(2);
        assertThat(offices(led)).containsExactly("CHAIR " + council + "-d1", "COMMITTEE_HEAD " + council + "-d2");
        JsonNode d1 = anonymous.get("/api/v1/councils/" + council + "/delegates?asOf=2022-06-01").json().get(0);
        assertThat(d1.path("id").asText()).isEqualTo(council + "-d1");
        assertThat(d1.path("fullTime").asBoolean()).isTrue();

        // d1's mandate ended and the chair with it.
        JsonNode chairless = anonymous.get(path + "2023-03-15").json();
        assertThat(chairless.path("delegates").asInt()).isEqualTo(1);
        assertThat(chairless.path("fullTimeDelegates").asInt()).isEqualTo(1);
        assertThat(offices(chairless)).containsExactly("COMMITTEE_HEAD " + council + "-d2");

        JsonNode newChair = anonymous.get(path + "2023-06-01").json();
        assertThat(newChair.path("delegates").asInt()).isEqualTo(2);
        assertThat(newChair.path("fullTimeDelegates").asInt()).isEqualTo(2);
        assertThat(offices(newChair)).containsExactly("CHAIR " + council + "-d3",
                "COMMITTEE_HEAD " + council + "-d2");

        assertThat(offices(anonymous.get(path + "2024-06-01").json())).containsExactly("CHAIR " + council + "-d3");

        // The term's end closed every mandate and office.
        JsonNode ended = anonymous.get(path + "2026-06-01").json();
        assertThat(ended.path("delegates").asInt()).isZero();
        assertThat(ended.path("seats").asInt()).isZero();
        assertThat(ended.path("offices")).isEmpty();
        assertThat(anonymous.get("/api/v1/councils/" + council + "/delegates?asOf=2026-04-30").json()
                .findValuesAsText("id")).containsExactly(council + "-d2", council + "-d3");
    }

    /** "OFFICE holder" for each office held, in the API's order. */
    private static List<String> offices(JsonNode council) {
        List<String> offices = new ArrayList<>();
        council.path("offices").forEach(o -> offices.add(o.path("office").asText() + " " + o.path("delegateId").asText()));
        return offices;
    }

    private JsonNode councilsProjection() {
        for (JsonNode p : admin.get("/api/v1/admin/projections").json()) {
            if (p.path("name").asText().equals("councils")) {
                return p;
            }
        }
        throw new AssertionError("no councils projection");
    }

    @Test
    void aRebuildGivesTheSameAnswers() {
        long position = history("vn-rb1");
        assertAnswers("vn-rb1", position);

        Api.Response rebuild = admin.post("/api/v1/admin/projections/councils/rebuild", Map.of());
        assertThat(rebuild.status()).isEqualTo(202);
        // (A replay ends only with the first event after the log's head at the reset: "replaying" stays true here.)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> councilsProjection().path("position").asLong(-1) >= position);

        assertAnswers("vn-rb1", position);
    }

    /**
     * Where a processor batch ends depends on timing, so this test makes the council's whole history one batch: its
     * stored events, handled by the councils processor's own handlers in one unit of work and one transaction, as a
     * rebuild does, after deleting the council's rows.
     */
    @Test
    void theWholeHistoryInOneBatchGivesTheSameAnswers(@Autowired EventProcessingConfiguration processing,
                                                      @Autowired EventStore eventStore,
                                                      @Autowired TransactionManager transactionManager) {
        long position = history("vn-rb2");
        assertAnswers("vn-rb2", position);

        List<? extends EventMessage<?>> events = eventStore.readEvents("vn-rb2").asStream().toList();
        assertThat(events).hasSizeGreaterThan(15);
        EventHandlerInvoker handlers = processing.eventProcessor("councils", AbstractEventProcessor.class)
                .orElseThrow().eventHandlerInvoker();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        batch.attachTransaction(transactionManager);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                for (String table : List.of("office_view", "committee_view", "delegate_view", "council_term_view",
                        "council_view")) {
                    jdbc.sql("DELETE FROM " + table + " WHERE council_id = 'vn-rb2'").update();
                }
            }
            handlers.handle(batch.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();

        assertAnswers("vn-rb2", position);
    }
}
