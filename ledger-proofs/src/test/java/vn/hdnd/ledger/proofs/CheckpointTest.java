package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final byte[] ROOT = TreeHasher.sha256(new byte[] {1, 2, 3});

    @Test
    void formatsTheThreeLinesOfTheC2spBody() {
        Checkpoint checkpoint = new Checkpoint("hdnd.vn/ledger/ha-noi", 20852163, ROOT);
        assertThat(checkpoint.format()).isEqualTo(
                "hdnd.vn/ledger/ha-noi\n20852163\n" + Base64.getEncoder().encodeToString(ROOT) + "\n");
    }

    @Test
    void parseReversesFormat() {
        for (long size : new long[] {0, 1, 7, Long.MAX_VALUE}) {
            Checkpoint checkpoint = new Checkpoint("hdnd.vn/ledger", size, ROOT);
            assertThat(Checkpoint.parse(checkpoint.format())).isEqualTo(checkpoint);
        }
    }

    @Test
    void parsesTheSpecExample() {
        Checkpoint checkpoint = Checkpoint.parse(
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.treeSize()).isEqualTo(20852163);
        assertThat(checkpoint.rootHash()).hasSize(32);
    }

    @Test
    void refusesMalformedBodies() {
        String root = Base64.getEncoder().encodeToString(ROOT);
        for (String bad : new String[] {
            "origin\n1\n" + root,                       // no final newline
            "origin\n1\n",                              // no root
            "\n1\n" + root + "\n",                      // empty origin
            "origin\n01\n" + root + "\n",               // leading zero
            "origin\n-1\n" + root + "\n",               // negative
            "origin\n1e3\n" + root + "\n",              // not decimal
            "origin\n99999999999999999999\n" + root + "\n", // too large
            "origin\n1\n" + root.replace("=", "") + "\n", // unpadded base64
            "origin\n1\nAAAA\n",                        // not 32 bytes
            "origin\n1\n" + root + "\nextension\n"      // extension lines
        }) {
            assertThat(catchThrowable(() -> Checkpoint.parse(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void signedCheckpointOpensWithTheLogKeyOnly() throws NoteException {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        CheckpointSigner other = CheckpointSigner.generate("hdnd.vn/ledger");
        Checkpoint checkpoint = new Checkpoint("hdnd.vn/ledger", 42, ROOT);
        String note = log.sign(checkpoint);

        assertThat(note).startsWith(checkpoint.format() + "\n\u2014 hdnd.vn/ledger ");
        assertThat(Checkpoint.verify(note, log.verifierKey())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.verify(note, other.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("no signature by key");
        assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n42\n", "\n43\n"), log.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("does not match the note text");
    }

    @Test
    void aSignedNoteThatIsNotACheckpointIsRefused() {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        String note = SignedNote.sign("just some text\n", log);
        assertThatThrownBy(() -> Checkpoint.verify(note, log.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("not a checkpoint");
    }
}
