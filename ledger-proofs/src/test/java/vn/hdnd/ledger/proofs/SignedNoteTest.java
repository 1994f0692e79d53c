package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    /** The example key and note of Go's golang.org/x/mod/sumdb/note documentation, used as data. */
    private static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void interoperatesWithGoNotes() throws NoteException {
        VerifierKey key = VerifierKey.parse(GO_VERIFIER_KEY);
        assertThat(SignedNote.verify(GO_NOTE, key)).isEqualTo(GO_TEXT);

        CheckpointSigner signer = CheckpointSigner.fromKeyFile(GO_SIGNER_KEY);
        assertThat(signer.verifierKey()).isEqualTo(key);
        assertThat(signer.verifierKey().format()).isEqualTo(GO_VERIFIER_KEY);
        assertThat(signer.keyFile()).isEqualTo(GO_SIGNER_KEY);
        // Ed25519 is deterministic, so signing the same text gives the same note byte for byte.
        assertThat(SignedNote.sign(GO_TEXT, signer)).isEqualTo(GO_NOTE);
    }

    @Test
    void keyIdIsTheC2spHashOfNameTypeAndKey() throws Exception {
        CheckpointSigner signer = CheckpointSigner.generate("hdnd.vn/ledger/ha-noi");
        byte[] publicKey = signer.verifierKey().rawPublicKey();
        // key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4], computed here independently.
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("hdnd.vn/ledger/ha-noi".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0a);
        sha256.update((byte) 0x01);
        sha256.update(publicKey);
        int expected = ByteBuffer.wrap(sha256.digest()).getInt();
        assertThat(signer.keyId()).isEqualTo(expected);
        assertThat(signer.verifierKey().format())
                .startsWith("hdnd.vn/ledger/ha-noi+" + String.format("%08x", expected) + "+");

        String note = SignedNote.sign("body\n", signer);
        String signature = note.substring(note.lastIndexOf(' ') + 1).trim();
        byte[] decoded = Base64.getDecoder().decode(signature);
        assertThat(decoded).hasSize(4 + 64);
        assertThat(ByteBuffer.wrap(decoded).getInt()).isEqualTo(expected);
    }

    @Test
    void signThenVerify() throws NoteException {
        CheckpointSigner signer = CheckpointSigner.generate("hdnd.vn/ledger");
        String note = SignedNote.sign("Nghị quyết số 01\n", signer);
        assertThat(SignedNote.verify(note, signer.verifierKey())).isEqualTo("Nghị quyết số 01\n");
    }

    @Test
    void keyFileRoundTripKeepsTheKey() throws NoteException {
        CheckpointSigner signer = CheckpointSigner.generate("hdnd.vn/ledger");
        CheckpointSigner reread = CheckpointSigner.fromKeyFile(signer.keyFile() + "\n");
        assertThat(reread.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(VerifierKey.parse(signer.verifierKey().format() + "\n")).isEqualTo(signer.verifierKey());
        assertThat(SignedNote.verify(SignedNote.sign("x\n", reread), signer.verifierKey())).isEqualTo("x\n");
        assertThat(signer.toString()).doesNotContain(signer.keyFile());
    }

    @Test
    void ignoresOtherKeysButNeedsOneFromTheTrustedKey() throws NoteException {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        CheckpointSigner witness = CheckpointSigner.generate("witness.example/w1");
        String signedByLog = SignedNote.sign("body\n", log);
        String cosigned = signedByLog + signatureLine(SignedNote.sign("body\n", witness));

        assertThat(SignedNote.verify(cosigned, log.verifierKey())).isEqualTo("body\n");
        assertThat(SignedNote.verify(cosigned, witness.verifierKey())).isEqualTo("body\n");
        assertThatThrownBy(() -> SignedNote.verify(SignedNote.sign("body\n", witness), log.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("no signature by key hdnd.vn/ledger");
    }

    @Test
    void refusesAnotherKeyWithTheSameName() {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        CheckpointSigner impostor = CheckpointSigner.generate("hdnd.vn/ledger");
        String note = SignedNote.sign("body\n", impostor);
        assertThatThrownBy(() -> SignedNote.verify(note, log.verifierKey())).isInstanceOf(NoteException.class);
    }

    @Test
    void refusesAModifiedBody() {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        String note = SignedNote.sign("origin\n10\nroot\n", log);
        assertThatThrownBy(() -> SignedNote.verify(note.replace("10", "11"), log.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("does not match");
    }

    @Test
    void refusesABadSignatureFromTheTrustedKeyEvenNextToAGoodOne() {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        String good = SignedNote.sign("body\n", log);
        String forged = signatureLine(SignedNote.sign("other body\n", log));
        assertThatThrownBy(() -> SignedNote.verify(good + forged, log.verifierKey()))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void refusesMalformedNotes() {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        String good = SignedNote.sign("body\n", log);
        String line = signatureLine(good);
        for (String bad : new String[] {
            "",
            "body\n",                                             // no signatures
            "body\n" + line,                                      // no blank line
            good.substring(0, good.length() - 1),                 // signature line without newline
            good + "\n",                                          // trailing blank line
            good.replace("\u2014 ", "- "),                        // ASCII dash
            good.replace("\u2014 hdnd.vn/ledger ", "\u2014 hdnd.vn/ledger  "), // two spaces
            good.replace("body", "bo\tdy"),                       // control character
            good.replace("body", "bo\rdy"),
            good.substring(0, good.length() - 3) + "!!\n",        // not base64
            "body\n\n\u2014 hdnd.vn/ledger AAAA\n"                // too short to hold key id and signature
        }) {
            assertThat(catchThrowable(() -> SignedNote.verify(bad, log.verifierKey()))).as(bad)
                    .isInstanceOf(NoteException.class);
        }
    }

    @Test
    void refusesMoreThanTwentySignatures() throws NoteException {
        CheckpointSigner log = CheckpointSigner.generate("hdnd.vn/ledger");
        StringBuilder note = new StringBuilder(SignedNote.sign("body\n", log));
        for (int i = 0; i < SignedNote.MAX_SIGNATURES - 1; i++) {
            note.append(signatureLine(SignedNote.sign("body\n", CheckpointSigner.generate("w" + i))));
        }
        assertThat(SignedNote.verify(note.toString(), log.verifierKey())).isEqualTo("body\n");
        note.append(signatureLine(SignedNote.sign("body\n", CheckpointSigner.generate("one-too-many"))));
        assertThatThrownBy(() -> SignedNote.verify(note.toString(), log.verifierKey()))
                .isInstanceOf(NoteException.class).hasMessageContaining("21 signatures");
    }

    @Test
    void refusesMalformedKeys() {
        // A fixed key whose id has letters, so that the upper-case variant really differs.
        String key = GO_VERIFIER_KEY;
        String[] parts = key.split("\\+", 3);
        for (String bad : new String[] {
            "",
            "name",
            parts[0] + "+" + parts[1],
            parts[0] + "+00000000+" + parts[2],                  // wrong key id
            parts[0] + "+" + parts[1].toUpperCase() + "+" + parts[2],
            "other+" + parts[1] + "+" + parts[2],                // id does not match the name
            parts[0] + "+" + parts[1] + "+" + parts[2].substring(4), // truncated key
            parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(new byte[33]).replaceFirst("A", "C")
        }) {
            assertThat(catchThrowable(() -> VerifierKey.parse(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CheckpointSigner.fromKeyFile(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.fromKeyFile(GO_SIGNER_KEY.replace(parts[1], "00000000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.generate("with space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.generate("with+plus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointSigner.generate("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The last signature line of a note. */
    private static String signatureLine(String note) {
        int start = note.lastIndexOf("\n\u2014 ") + 1;
        return note.substring(start);
    }
}
