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
import vn.hdnd.ledger.proofs.CheckpointSigner;
import vn.hdnd.ledger.proofs.SignedNote;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database rewrites history; the auditor, holding a checkpoint signed before, finds
 * out offline. Each test edits {@code domain_event_entry} directly (the source of truth, not the derived ledger
 * tables), and puts the row back afterwards so the shared test database stays honest.
 */
@PostgresTest
class LedgerTamperTest {
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
    void anEventEditedInTheDatabaseIsNamedByTheVerifier(@TempDir Path dir) {
        String checkpoint = ledger.checkpointCovering(Ledger.council(admin, "vn-x1", 3));
        Path key = Ledger.write(dir, "log.pub", ledger.publicKey());
        Path before = Ledger.write(dir, "checkpoint.txt", checkpoint);
        assertThat(verifyLog(dir, before, key).exitCode()).isZero();

        JsonNode victim = history("vn-x1").get(3);  // the second delegate's seat
        String eventId = victim.path("eventId").asText();
        byte[] original = payload(eventId);
        ObjectNode forged = (ObjectNode) victim.path("payload").deepCopy();
        forged.put("fullName", "Người được sửa tên");
        try {
            assertThat(jdbc.sql("UPDATE domain_event_entry SET payload = :payload WHERE event_identifier = :id")
                    .param("payload", forged.toString().getBytes(StandardCharsets.UTF_8)).param("id", eventId)
                    .update()).isEqualTo(1);

            Ledger.Verdict verdict = verifyLog(dir, before, key);
            assertThat(verdict.exitCode()).as(verdict.toString()).isEqualTo(1);
            assertThat(verdict.err()).contains("FAILED: leaf " + victim.path("leafIndex").asLong() + " (event "
                    + eventId + ")", "the event was changed after it was logged");
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = :payload WHERE event_identifier = :id")
                    .param("payload", original).param("id", eventId).update();
        }
        assertThat(verifyLog(dir, before, key).exitCode()).isZero();
    }

    @Test
    void anEventDeletedFromTheDatabaseLeavesAGapTheVerifierNames(@TempDir Path dir) {
        String checkpoint = ledger.checkpointCovering(Ledger.council(admin, "vn-x2", 3));
        Path key = Ledger.write(dir, "log.pub", ledger.publicKey());
        Path before = Ledger.write(dir, "checkpoint.txt", checkpoint);

        JsonNode history = history("vn-x2");
        long removed = history.get(3).path("leafIndex").asLong();
        JsonNode next = history.get(4);
        Map<String, Object> row = jdbc.sql("SELECT * FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", history.get(3).path("eventId").asText()).query().singleRow();
        try {
            jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = :position")
                    .param("position", row.get("global_index")).update();

            Ledger.Verdict verdict = verifyLog(dir, before, key);
            assertThat(verdict.exitCode()).as(verdict.toString()).isEqualTo(1);
            // The next logged event is seen where the removed one was (assuming the ledger logged them in a row).
            assertThat(next.path("leafIndex").asLong()).isEqualTo(removed + 1);
            assertThat(verdict.err()).contains("FAILED: leaf " + removed + " (event " + next.path("eventId").asText()
                    + "): leaf index " + (removed + 1) + " expected " + removed, "an event was removed");
        } finally {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                            VALUES (:global_index, :aggregate_identifier, :sequence_number, :type, :event_identifier,
                                :meta_data, :payload, :payload_revision, :payload_type, :time_stamp)""")
                    .params(row).update();
        }
        assertThat(verifyLog(dir, before, key).exitCode()).isZero();
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused(@TempDir Path dir) throws Exception {
        String genuine = ledger.checkpointCovering(Ledger.council(admin, "vn-x3", 1));
        Checkpoint body = ledger.open(genuine);
        CheckpointSigner impostor = CheckpointSigner.generate(body.origin());
        Path key = Ledger.write(dir, "log.pub", ledger.publicKey());

        // The same tree head, and a rewritten one, signed by a key that is not the log's.
        for (Checkpoint claim : new Checkpoint[]{body,
                new Checkpoint(body.origin(), body.treeSize(), new byte[32])}) {
            Path forged = Ledger.write(dir, "forged.txt", impostor.sign(claim));
            Ledger.Verdict verdict = verifyLog(dir, forged, key);
            assertThat(verdict.exitCode()).as(verdict.toString()).isEqualTo(1);
            assertThat(verdict.err()).contains("refused");
        }
        // And the genuine checkpoint does not verify under an impostor's key published in the log's name.
        Path impostorKey = Ledger.write(dir, "impostor.pub", impostor.verifierKey().format());
        Ledger.Verdict verdict = verifyLog(dir, Ledger.write(dir, "genuine.txt", genuine), impostorKey);
        assertThat(verdict.exitCode()).as(verdict.toString()).isEqualTo(1);
        // The server's own check agrees: only its key opens its checkpoints.
        assertThat(SignedNote.verify(genuine, ledger.verifierKey())).isEqualTo(body.format());
    }

    private Ledger.Verdict verifyLog(Path dir, Path checkpoint, Path key) {
        return Ledger.verify("log", "--export", Ledger.write(dir, "events.ndjson", ledger.export(anonymous)),
                "--checkpoint", checkpoint, "--key", key);
    }

    private JsonNode history(String aggregateId) {
        return anonymous.get("/api/v1/audit/aggregates/" + aggregateId + "/events").json();
    }

    private byte[] payload(String eventId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE event_identifier = :id").param("id", eventId)
                .query(byte[].class).single();
    }
}
