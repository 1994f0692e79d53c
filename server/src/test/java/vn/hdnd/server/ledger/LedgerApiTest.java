package vn.hdnd.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.LedgerLeaf;
import vn.hdnd.ledger.proofs.ProofVerifier;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger end to end on PostgreSQL: every event becomes a leaf with a dense index, checkpoints are signed, proofs
 * and receipts check out, and what the server exports passes the auditors' offline verifier.
 */
@PostgresTest
class LedgerApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api anonymous;
    Api admin;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", "admin-pw");
        ledger = new Ledger(anonymous);
    }

    @Test
    void everyEventIsALeafWithADenseIndexAndTheExportPassesTheOfflineVerifier(@TempDir Path dir) {
        long position = Ledger.council(admin, "vn-l1", 3);
        String checkpoint = ledger.checkpointCovering(position);

        List<JsonNode> events = Ledger.lines(ledger.export(anonymous));
        assertThat(events).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.path("leafIndex").asLong()).isEqualTo(i);
            LedgerLeaf leaf = LedgerLeaf.of(event.path("eventId").asText(), event.path("aggregateId").asText(),
                    event.path("sequence").asLong(), event.path("type").asText(),
                    Instant.parse(event.path("recordedAt").asText()), event.path("payload"));
            assertThat(event.path("leafHash").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(leaf.leafHash()));
            assertThat(event.has("metadata")).as("metadata is for auditors").isFalse();
        }
        assertThat(events).filteredOn(e -> e.path("aggregateId").asText().equals("vn-l1"))
                .extracting(e -> e.path("type").asText())
                .containsExactly("vn.hdnd.events.council.CouncilEstablished", "vn.hdnd.events.council.TermOpened",
                        "vn.hdnd.events.council.DelegateSeated", "vn.hdnd.events.council.DelegateSeated",
                        "vn.hdnd.events.council.DelegateSeated");
        // Every event of the store is logged exactly once.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_leaf").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= :p")
                        .param("p", position).query(Long.class).single() + countAfter(position));

        Ledger.Verdict verdict = Ledger.verify("log", "--export", Ledger.write(dir, "events.ndjson",
                        ledger.export(anonymous)), "--checkpoint", Ledger.write(dir, "checkpoint.txt", checkpoint),
                "--key", Ledger.write(dir, "log.pub", ledger.publicKey()));
        assertThat(verdict.exitCode()).as(verdict.toString()).isZero();
        assertThat(verdict.out()).startsWith("OK: council-record.local/ledger: " + ledger.open(checkpoint).treeSize()
                + " leaves match the signed checkpoint");
    }

    private long countAfter(long position) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE global_index > :p").param("p", position)
                .query(Long.class).single();
    }

    @Test
    void theLedgerProcessorHasExactlyOneSegment() {
        Ledger.council(admin, "vn-l2", 0);
        await().untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT segment FROM token_entry WHERE processor_name = 'ledger'").query(Integer.class).list())
                .containsExactly(0));
    }

    @Test
    void aCommandAnswerBecomesAReceiptThatTheOfflineVerifierAccepts(@TempDir Path dir) {
        long position = Ledger.council(admin, "vn-l3", 1);

        JsonNode receipt = verifiedReceipt(dir, position);
        assertThat(receipt.path("event").path("aggregateId").asText()).isEqualTo("vn-l3");

        String eventId = receipt.path("event").path("eventId").asText();
        Api.Response byId = anonymous.get("/api/v1/ledger/receipts?eventId=" + eventId);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("leafIndex")).isEqualTo(receipt.path("leafIndex"));

        assertAlteredReceiptFails(dir, receipt, "fullName", "Người khác");
    }

    @Test
    void aVoteThatAdoptsAResolutionAnswersTheReceiptPositionOfItsResolutionAdopted(@TempDir Path dir) {
        Ledger.council(admin, "vn-l10", 3);
        created(admin.post("/api/v1/councils/vn-l10/sessions", Map.of("id", "vn-l10-k1", "number", 1,
                "kind", "REGULAR", "scheduledFor", "2021-07-01")));
        assertThat(admin.post("/api/v1/sessions/vn-l10-k1/convene", Map.of("convenedOn", "2021-07-01",
                "presentDelegateIds", List.of("vn-l10-d1", "vn-l10-d2", "vn-l10-d3"))).status()).isEqualTo(200);
        for (String motion : List.of("m1", "m2")) {
            created(admin.post("/api/v1/sessions/vn-l10-k1/motions", Map.of("id", motion, "kind", "RESOLUTION",
                    "title", "Nghị quyết về quy hoạch đất đai " + motion, "text", "Điều 1. Phê duyệt " + motion)));
        }
        JsonNode rejected = created(admin.post("/api/v1/sessions/vn-l10-k1/motions/m2/vote",
                Map.of("yes", 1, "no", 2, "abstain", 0, "votedOn", "2021-07-01"))).json();
        assertThat(rejected.has("receiptPosition")).as("a rejected motion records no decision").isFalse();

        Api.Response vote = created(admin.post("/api/v1/sessions/vn-l10-k1/motions/m1/vote",
                Map.of("yes", 3, "no", 0, "abstain", 0, "votedOn", "2021-07-01")));
        long receiptPosition = vote.json().path("receiptPosition").asLong(-1);
        // The answer's position stays the session's last event (read-your-writes covers the whole vote).
        assertThat(receiptPosition).isNotNegative().isLessThan(vote.position());

        JsonNode receipt = verifiedReceipt(dir, receiptPosition);
        JsonNode event = receipt.path("event");
        assertThat(event.path("type").asText()).isEqualTo("vn.hdnd.events.session.ResolutionAdopted");
        assertThat(event.path("aggregateId").asText()).isEqualTo("vn-l10:register");
        assertThat(event.path("payload").path("motionId").asText()).isEqualTo("m1");
        assertThat(event.path("payload").path("title").asText()).isEqualTo("Nghị quyết về quy hoạch đất đai m1");
        assertThat(event.path("payload").path("text").asText()).isEqualTo("Điều 1. Phê duyệt m1");
        // The receipt covers the resolution's content: another text no longer verifies.
        assertAlteredReceiptFails(dir, receipt, "text", "Điều 1. Bãi bỏ m1");
    }

    @Test
    void anIssuedConclusionAnswersTheReceiptPositionOfItsConclusionIssued(@TempDir Path dir) {
        Ledger.council(admin, "vn-l11", 0);
        created(admin.post("/api/v1/councils/vn-l11/oversight-cases", Map.of("id", "vn-l11-gs1",
                "title", "Giám sát đầu tư công", "scope", "Giải ngân vốn 2021", "conductedBy", "STANDING_COMMITTEE",
                "subjects", List.of("UBND tỉnh"), "openedOn", "2021-09-01")));
        Api.Response conclusion = created(admin.post("/api/v1/oversight-cases/vn-l11-gs1/conclusion", Map.of(
                "number", "12/KL-HĐND", "issuedOn", "2021-10-01", "summary", "Giải ngân chậm",
                "recommendations", List.of(Map.of("id", "r1", "addressee", "UBND tỉnh",
                        "action", "Đẩy nhanh giải ngân", "dueOn", "2022-03-31")))));
        // The conclusion is the command's last event: both positions name it.
        assertThat(conclusion.json().path("receiptPosition").asLong(-1)).isEqualTo(conclusion.position());

        JsonNode receipt = verifiedReceipt(dir, conclusion.json().path("receiptPosition").asLong());
        JsonNode event = receipt.path("event");
        assertThat(event.path("type").asText()).isEqualTo("vn.hdnd.events.oversight.ConclusionIssued");
        assertThat(event.path("aggregateId").asText()).isEqualTo("vn-l11-gs1");
        assertThat(event.path("payload").path("number").asText()).isEqualTo("12/KL-HĐND");
        assertThat(event.path("payload").path("summary").asText()).isEqualTo("Giải ngân chậm");
        assertAlteredReceiptFails(dir, receipt, "summary", "Giải ngân đúng hạn");
    }

    /** The receipt for {@code position}, after the offline verifier has accepted it. */
    private JsonNode verifiedReceipt(Path dir, long position) {
        JsonNode receipt = ledger.receipt(position);
        assertThat(receipt.path("event").path("position").asLong()).isEqualTo(position);
        assertThat(receipt.path("event").path("leafIndex").asLong()).isEqualTo(receipt.path("leafIndex").asLong());
        Ledger.Verdict verdict = Ledger.verify("receipt", "--receipt", Ledger.write(dir, "receipt.json", receipt),
                "--key", Ledger.write(dir, "log.pub", ledger.publicKey()));
        assertThat(verdict.exitCode()).as(verdict.toString()).isZero();
        assertThat(verdict.out()).contains("is leaf " + receipt.path("leafIndex").asLong());
        return receipt;
    }

    /** A receipt whose event payload was altered fails offline, naming the leaf. */
    private void assertAlteredReceiptFails(Path dir, JsonNode receipt, String field, String value) {
        JsonNode altered = receipt.deepCopy();
        ((ObjectNode) altered.path("event").path("payload")).put(field, value);
        Ledger.Verdict verdict = Ledger.verify("receipt", "--receipt", Ledger.write(dir, "altered.json", altered),
                "--key", dir.resolve("log.pub"));
        assertThat(verdict.exitCode()).as(verdict.toString()).isEqualTo(1);
        assertThat(verdict.err()).contains("leaf " + receipt.path("leafIndex").asLong());
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    @Test
    void receiptRequestsThatCannotBeAnsweredAreClientErrors() {
        assertThat(anonymous.get("/api/v1/ledger/receipts?position=987654321").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/ledger/receipts?eventId=no-such-event").status()).isEqualTo(404);
        Api.Response neither = anonymous.get("/api/v1/ledger/receipts");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/v1/ledger/receipts?position=abc").status()).isEqualTo(400);
    }

    @Test
    void proofsConnectEachLeafAndEachCheckpointToTheNextSignedCheckpoint(@TempDir Path dir) throws Exception {
        String older = ledger.checkpointCovering(Ledger.council(admin, "vn-l4", 1));
        Checkpoint first = ledger.open(older);
        long position = Ledger.seat(admin, "vn-l4", "vn-l4-d2", "2021-06-02");
        await().until(() -> ledger.open(ledger.checkpoint()).treeSize() > first.treeSize());
        String newer = ledger.checkpointCovering(position);
        Checkpoint second = ledger.open(newer);

        Api.Response consistency = anonymous.get("/api/v1/ledger/proofs/consistency?from=" + first.treeSize()
                + "&to=" + second.treeSize());
        assertThat(consistency.status()).as(consistency.toString()).isEqualTo(200);
        ProofVerifier.verifyConsistency(first.treeSize(), second.treeSize(), hashes(consistency.json()),
                first.rootHash(), second.rootHash());
        Ledger.Verdict verdict = Ledger.verify("consistency", "--old", Ledger.write(dir, "old.txt", older),
                "--new", Ledger.write(dir, "new.txt", newer),
                "--proof", Ledger.write(dir, "proof.json", consistency.json()),
                "--key", Ledger.write(dir, "log.pub", ledger.publicKey()));
        assertThat(verdict.exitCode()).as(verdict.toString()).isZero();

        for (long leaf : new long[]{0, first.treeSize() - 1, second.treeSize() - 1}) {
            Api.Response inclusion = anonymous.get("/api/v1/ledger/proofs/inclusion?leafIndex=" + leaf
                    + "&treeSize=" + second.treeSize());
            assertThat(inclusion.status()).as(inclusion.toString()).isEqualTo(200);
            JsonNode proof = inclusion.json();
            assertThat(proof.path("leafIndex").asLong()).isEqualTo(leaf);
            assertThat(proof.path("treeSize").asLong()).isEqualTo(second.treeSize());
            ProofVerifier.verifyInclusion(Base64.getDecoder().decode(proof.path("leafHash").asText()), leaf,
                    second.treeSize(), hashes(proof), second.rootHash());
        }
        // Without treeSize the proof is for the latest checkpoint.
        JsonNode latest = anonymous.get("/api/v1/ledger/proofs/inclusion?leafIndex=0").json();
        assertThat(latest.path("treeSize").asLong()).isEqualTo(ledger.open(ledger.checkpoint()).treeSize());
        // An earlier checkpoint stays available by its size.
        Api.Response again = anonymous.get("/api/v1/ledger/checkpoint?treeSize=" + first.treeSize());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(older);
    }

    @Test
    void proofRequestsOutsideTheTreeAreClientErrors() {
        ledger.checkpointCovering(Ledger.council(admin, "vn-l5", 0));
        long size = ledger.open(ledger.checkpoint()).treeSize();
        for (String bad : new String[]{"inclusion?leafIndex=-1&treeSize=1", "inclusion?leafIndex=5&treeSize=5",
                "inclusion?leafIndex=x", "inclusion", "consistency?from=-1&to=1", "consistency?from=3&to=2",
                "consistency?from=1"}) {
            Api.Response answer = anonymous.get("/api/v1/ledger/proofs/" + bad);
            assertThat(answer.status()).as(bad + " " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(anonymous.get("/api/v1/ledger/proofs/inclusion?leafIndex=0&treeSize=" + (size + 1_000_000))
                .status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/ledger/proofs/consistency?from=1&to=" + (size + 1_000_000))
                .status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/ledger/checkpoint?treeSize=" + (size + 1_000_000)).status())
                .isEqualTo(404);
    }

    @Test
    void checkpointsAreSignedNotesWhoseTreeSizeNeverGoesBackwards() {
        ledger.checkpointCovering(Ledger.council(admin, "vn-l6", 2));
        Api.Response checkpoint = anonymous.get("/api/v1/ledger/checkpoint");
        assertThat(checkpoint.contentType()).isEqualTo("text/plain;charset=UTF-8");
        String[] lines = checkpoint.text().split("\n", -1);
        assertThat(lines[0]).isEqualTo("council-record.local/ledger");
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("— council-record.local/ledger ");
        assertThat(anonymous.get("/api/v1/ledger/public-key").text()).startsWith("council-record.local/ledger+");

        List<Long> bySigningOrder = jdbc.sql("SELECT tree_size FROM ledger_checkpoint ORDER BY signed_at, tree_size")
                .query(Long.class).list();
        assertThat(bySigningOrder).isSorted().doesNotHaveDuplicates();
        // Each stored checkpoint is the signed root of the tree at its size.
        for (String note : jdbc.sql("SELECT note FROM ledger_checkpoint").query(String.class).list()) {
            Checkpoint signed = ledger.open(note);
            JsonNode proof = anonymous.get("/api/v1/ledger/proofs/consistency?from=" + signed.treeSize() + "&to="
                    + bySigningOrder.get(bySigningOrder.size() - 1)).json();
            assertThat(proof.path("from").asLong()).isEqualTo(signed.treeSize());
        }
    }

    @Test
    void thePageFormFollowsTheLogByAfterAndLimit() {
        ledger.checkpointCovering(Ledger.council(admin, "vn-l7", 2));
        JsonNode first = anonymous.get("/api/v1/audit/events?limit=2").json();
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("leafIndex").asLong()).isZero();
        String next = first.path("next").asText();
        assertThat(next).isEqualTo("/api/v1/audit/events?after=1&limit=2");
        JsonNode second = anonymous.get(next).json();
        assertThat(second.path("items").get(0).path("leafIndex").asLong()).isEqualTo(2);

        long size = jdbc.sql("SELECT COUNT(*) FROM ledger_leaf").query(Long.class).single();
        JsonNode last = anonymous.get("/api/v1/audit/events?after=" + (size - 2) + "&limit=5").json();
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.has("next")).isFalse();

        List<JsonNode> tail = Ledger.lines(anonymous.header("Accept", "application/x-ndjson")
                .get("/api/v1/audit/events?after=1&limit=3").text());
        assertThat(tail).extracting(e -> e.path("leafIndex").asLong()).containsExactly(2L, 3L, 4L);

        for (String bad : new String[]{"limit=0", "limit=1001", "after=-1", "after=x"}) {
            Api.Response answer = anonymous.get("/api/v1/audit/events?" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void metadataIsShownToAuditorsAndAdminsOnly() {
        long position = Ledger.council(admin, "vn-l8", 1);
        ledger.checkpointCovering(position);
        for (Api reader : List.of(anonymous, anonymous.as("clerk", "clerk-pw"))) {
            JsonNode history = reader.get("/api/v1/audit/aggregates/vn-l8/events").json();
            assertThat(history).hasSize(3);
            history.forEach(e -> assertThat(e.has("metadata")).isFalse());
            Ledger.lines(ledger.export(reader)).forEach(e -> assertThat(e.has("metadata")).isFalse());
            reader.get("/api/v1/audit/events?limit=5").json().path("items")
                    .forEach(e -> assertThat(e.has("metadata")).isFalse());
        }
        for (Api reader : List.of(anonymous.as("auditor", "auditor-pw"), admin)) {
            JsonNode history = reader.get("/api/v1/audit/aggregates/vn-l8/events").json();
            JsonNode seated = history.get(2);
            assertThat(seated.path("metadata").path("actor").asText()).isEqualTo("admin");
            assertThat(seated.path("metadata").path("reason").asText()).isEqualTo("Nghị quyết xác nhận tư cách");
            assertThat(seated.path("metadata").path("commandId").asText()).isNotBlank();
            // Each event carries the id of the command message that caused it: three commands, three ids.
            Set<String> correlationIds = new HashSet<>();
            history.forEach(e -> correlationIds.add(e.path("metadata").path("correlationId").asText()));
            assertThat(correlationIds).hasSize(3).allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
            assertThat(Ledger.lines(ledger.export(reader)))
                    .filteredOn(e -> e.path("aggregateId").asText().equals("vn-l8"))
                    .allSatisfy(e -> assertThat(e.path("metadata").path("actor").asText()).isEqualTo("admin"))
                    .extracting(e -> e.path("metadata").path("correlationId").asText())
                    .containsExactlyInAnyOrderElementsOf(correlationIds);
        }
    }

    @Test
    void anAggregatesHistoryIsInSequenceOrderWithItsLeaves() {
        long position = Ledger.council(admin, "vn-l9", 2);
        ledger.checkpointCovering(position);
        JsonNode history = anonymous.get("/api/v1/audit/aggregates/vn-l9/events").json();
        List<Long> sequences = new ArrayList<>();
        history.forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
        history.forEach(e -> assertThat(e.path("leafIndex").isIntegralNumber()).isTrue());
        assertThat(history.get(3).path("position").asLong()).isEqualTo(position);
        assertThat(history.get(0).path("aggregateType").asText()).isEqualTo("Council");
        assertThat(anonymous.get("/api/v1/audit/aggregates/vn-nobody/events").status()).isEqualTo(404);
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }
}
