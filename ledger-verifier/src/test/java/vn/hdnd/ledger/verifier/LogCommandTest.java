package vn.hdnd.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.CheckpointSigner;

class LogCommandTest {

    @TempDir
    Path dir;

    LedgerFixture log;
    Path key;
    Path checkpoint;

    @BeforeEach
    void buildLog() {
        log = new LedgerFixture(dir, 50);
        key = log.keyFile();
        checkpoint = log.checkpointFile(50);
    }

    private Run verify(Path export) {
        return Run.of("log", "--export", export, "--checkpoint", checkpoint, "--key", key);
    }

    @Test
    void anUntouchedExportVerifies() {
        Run run = verify(log.export());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).startsWith("OK: " + LedgerFixture.ORIGIN + ": 50 leaves match the signed checkpoint, root "
                + Base64.getEncoder().encodeToString(log.tree.rootHash()));
    }

    @Test
    void anEditedPayloadIsNamedByItsLeaf() {
        List<ObjectNode> events = log.copyOfEvents();
        ((ObjectNode) events.get(17).get("payload")).put("seats", 99);

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("leaf 17 (event evt-017)").contains("changed after it was logged");
    }

    @Test
    void anEditedPayloadWithoutPublishedLeafHashesFailsOnTheRoot() {
        List<ObjectNode> events = log.copyOfEvents();
        events.forEach(event -> event.remove("leafHash"));
        ((ObjectNode) events.get(17).get("payload")).put("name", "Hội đồng đã sửa");

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("root mismatch").contains("cannot be pinpointed");
    }

    @Test
    void anEditedFieldOfTheLeafIsCaughtEvenWhenTheLeafHashIsRecomputed() {
        List<ObjectNode> events = log.copyOfEvents();
        ObjectNode event = events.get(30);
        event.put("type", "ResolutionRevoked");
        event.put("leafHash", Base64.getEncoder().encodeToString(LedgerFixture.leaf(event).leafHash()));

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("root mismatch").contains("every event matches its published leafHash");
    }

    @Test
    void aRemovedLineIsNamed() {
        List<ObjectNode> events = log.copyOfEvents();
        events.remove(20);

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("leaf 20 (event evt-021): leaf index 21 expected 20 — an event was removed");
    }

    @Test
    void aRemovedLastLineIsReportedAsMissing() {
        List<ObjectNode> events = log.copyOfEvents();
        events.remove(49);

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("the export has 49 leaves but the checkpoint covers 50");
    }

    @Test
    void anInsertedLineIsNamed() {
        List<ObjectNode> events = log.copyOfEvents();
        ObjectNode forged = events.get(30).deepCopy();
        forged.put("eventId", "evt-forged");
        forged.put("leafHash", Base64.getEncoder().encodeToString(LedgerFixture.leaf(forged).leafHash()));
        events.add(30, forged);

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("leaf 31 (event evt-030): leaf index 30 expected 31 — an event was inserted");
    }

    @Test
    void anInsertedLineWithRenumberedIndexesFailsOnTheRoot() {
        List<ObjectNode> events = log.copyOfEvents();
        ObjectNode forged = events.get(30).deepCopy();
        forged.put("eventId", "evt-forged");
        forged.put("leafHash", Base64.getEncoder().encodeToString(LedgerFixture.leaf(forged).leafHash()));
        events.add(30, forged);
        for (int i = 0; i < events.size(); i++) {
            events.get(i).put("leafIndex", i);
        }

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("root mismatch");
    }

    @Test
    void swappedLinesAreNamed() {
        List<ObjectNode> events = log.copyOfEvents();
        Collections.swap(events, 10, 11);

        Run run = verify(log.export(events));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("leaf 10 (event evt-011): leaf index 11 expected 10");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        CheckpointSigner impostor = CheckpointSigner.generate(LedgerFixture.ORIGIN);
        checkpoint = log.write("forged.txt",
                impostor.sign(new Checkpoint(LedgerFixture.ORIGIN, 50, log.tree.rootHash())));

        Run run = verify(log.export());
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("checkpoint").contains("refused").contains("no signature by key");
    }

    @Test
    void aCheckpointWithAnAlteredBodyIsRefused() {
        checkpoint = log.write("altered.txt", log.note(50).replace("\n50\n", "\n49\n"));

        Run run = verify(log.export());
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("does not match the note text");
    }

    @Test
    void aCheckpointOfAnotherRootIsRefused() {
        checkpoint = log.write("other-root.txt",
                log.signer.sign(new Checkpoint(LedgerFixture.ORIGIN, 50, log.tree.rootHash(49))));

        Run run = verify(log.export());
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("root mismatch");
    }

    @Test
    void aCheckpointLargerThanTheExportIsRefused() {
        LedgerFixture longer = new LedgerFixture(dir, 60);
        checkpoint = log.write("longer.txt", log.signer.sign(
                new Checkpoint(LedgerFixture.ORIGIN, 60, longer.tree.rootHash())));

        Run run = verify(log.export());
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("the export has 50 leaves but the checkpoint covers 60");
    }

    @Test
    void anOlderCheckpointVerifiesAgainstTheStartOfALongerExport() {
        checkpoint = log.checkpointFile(40);

        Run run = verify(log.export());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("40 leaves match").contains("10 later leaves are not covered");
    }

    @Test
    void anEmptyExportMatchesTheEmptyCheckpoint() {
        checkpoint = log.checkpointFile(0);
        Run run = verify(log.write("empty.ndjson", ""));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    }

    @Test
    void aMalformedLineIsAnInputError() {
        Path export = log.export();
        log.write("events.ndjson", log.events.get(0).toString() + "\n{not json\n");
        Run run = verify(export);
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("line 2").contains("not valid JSON");
    }

    @Test
    void aLineWithADuplicatedKeyIsAnInputError() {
        String line = log.events.get(0).toString();
        Path export = log.write("events.ndjson", line.substring(0, line.length() - 1) + ",\"eventId\":\"evt-x\"}\n");
        Run run = verify(export);
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("line 1");
    }
}
