package vn.hdnd.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.InMemoryTree;
import vn.hdnd.ledger.proofs.TreeHasher;

class ConsistencyCommandTest {

    @TempDir
    Path dir;

    LedgerFixture log;
    Path key;

    @BeforeEach
    void buildLog() {
        log = new LedgerFixture(dir, 50);
        key = log.keyFile();
    }

    private Run verify(long from, long to, Consumer<ObjectNode> tamper) {
        Path oldCheckpoint = log.checkpointFile(from);
        Path newCheckpoint = log.checkpointFile(to);
        Path proof = log.json("proof.json", log.consistencyProof(from, to), tamper);
        return Run.of("consistency", "--old", oldCheckpoint, "--new", newCheckpoint, "--proof", proof, "--key", key);
    }

    @Test
    void aGrownLogIsConsistentWithItsPast() {
        for (long[] sizes : new long[][] {{30, 50}, {1, 50}, {32, 50}, {0, 50}, {50, 50}, {7, 8}}) {
            Run run = verify(sizes[0], sizes[1], proof -> { });
            assertThat(run.exitCode()).as("%d -> %d: %s", sizes[0], sizes[1], run.err()).isEqualTo(Main.OK);
            assertThat(run.out()).contains("the tree of size " + sizes[1]).contains("extends the tree of size " + sizes[0]);
        }
    }

    @Test
    void aCorruptedProofFails() {
        Run run = verify(30, 50, proof -> {
            ArrayNode hashes = (ArrayNode) proof.get("hashes");
            byte[] hash = Base64.getDecoder().decode(hashes.get(0).asText());
            hash[31] ^= (byte) 0x80;
            hashes.set(0, Base64.getEncoder().encodeToString(hash));
        });
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("not proven to extend the log of size 30");
    }

    @Test
    void aTruncatedProofFails() {
        Run run = verify(30, 50, proof -> ((ArrayNode) proof.get("hashes")).remove(0));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    }

    @Test
    void aProofForOtherSizesFails() {
        Run run = verify(30, 50, proof -> proof.put("from", 31));
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("the proof is from size 31 to size 50 but the checkpoints are of sizes 30 and 50");
    }

    @Test
    void aRewrittenHistoryFails() {
        // The old checkpoint is signed by the same key but over a different history: a fork.
        InMemoryTree forked = new InMemoryTree();
        for (int i = 0; i < 30; i++) {
            forked.append(i == 12 ? TreeHasher.leafHash("another event".getBytes(StandardCharsets.UTF_8))
                    : log.tree.leafHash(i));
        }
        Path oldCheckpoint = log.write("forked.txt",
                log.signer.sign(new Checkpoint(LedgerFixture.ORIGIN, 30, forked.rootHash())));
        Path newCheckpoint = log.checkpointFile(50);
        Path proof = log.json("proof.json", log.consistencyProof(30, 50), p -> { });

        Run run = Run.of("consistency", "--old", oldCheckpoint, "--new", newCheckpoint, "--proof", proof, "--key", key);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("the first 30 leaves differ");
    }

    @Test
    void aShrunkLogFails() {
        Path oldCheckpoint = log.checkpointFile(50);
        Path newCheckpoint = log.checkpointFile(30);
        Path proof = log.write("proof.json", "{\"from\":50,\"to\":30,\"hashes\":[]}");
        Run run = Run.of("consistency", "--old", oldCheckpoint, "--new", newCheckpoint, "--proof", proof, "--key", key);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("only grows");
    }
}
