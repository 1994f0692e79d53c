package vn.hdnd.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hdnd.ledger.proofs.CheckpointSigner;
import vn.hdnd.ledger.proofs.Checkpoint;

class ReceiptCommandTest {

    @TempDir
    Path dir;

    LedgerFixture log;
    Path key;

    @BeforeEach
    void buildLog() {
        log = new LedgerFixture(dir, 50);
        key = log.keyFile();
    }

    private Run verify(Path receipt) {
        return Run.of("receipt", "--receipt", receipt, "--key", key);
    }

    @Test
    void aReceiptVerifies() {
        for (int leaf : new int[] {0, 17, 31, 49}) {
            Run run = verify(log.json("receipt.json", log.receipt(leaf, 50), receipt -> { }));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
            assertThat(run.out()).contains("OK: event evt-0").contains("is leaf " + leaf + " of " + LedgerFixture.ORIGIN);
        }
    }

    @Test
    void aReceiptAgainstAnOlderCheckpointVerifies() {
        Run run = verify(log.json("receipt.json", log.receipt(5, 9), receipt -> { }));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    }

    @Test
    void aFlippedProofHashFails() {
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> {
            ArrayNode hashes = (ArrayNode) r.get("hashes");
            byte[] hash = Base64.getDecoder().decode(hashes.get(2).asText());
            hash[0] ^= 1;
            hashes.set(2, Base64.getEncoder().encodeToString(hash));
        });
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("leaf 17 (event evt-017) is not proven to be in the signed log");
    }

    @Test
    void anEditedEventFails() {
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> {
            ObjectNode event = (ObjectNode) r.get("event");
            event.remove("leafHash");
            ((ObjectNode) event.get("payload")).put("seats", 1);
        });
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("not proven");
    }

    @Test
    void anEventMovedToAnotherIndexFails() {
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> {
            r.put("leafIndex", 16);
            ((ObjectNode) r.get("event")).put("leafIndex", 16);
        });
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    }

    @Test
    void aProofForAnotherTreeSizeFails() {
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> r.put("treeSize", 40));
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("size 40 but its checkpoint is for size 50");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() {
        CheckpointSigner impostor = CheckpointSigner.generate(LedgerFixture.ORIGIN);
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> r.put("checkpoint",
                impostor.sign(new Checkpoint(LedgerFixture.ORIGIN, 50, log.tree.rootHash()))));
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.err()).contains("checkpoint is refused");
    }

    @Test
    void aReceiptWithoutItsProofIsAnInputError() {
        Path receipt = log.json("receipt.json", log.receipt(17, 50), r -> r.remove("hashes"));
        Run run = verify(receipt);
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("missing field 'hashes'");
    }
}
