package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.NoteException;
import vn.hdnd.ledger.proofs.ProofException;
import vn.hdnd.ledger.proofs.ProofVerifier;
import vn.hdnd.ledger.proofs.VerifierKey;

/**
 * {@code consistency}: proves that a newer signed checkpoint extends an older one, i.e. that nothing the older one
 * covered was changed, removed or reordered since (RFC 9162 §2.1.4).
 */
final class ConsistencyCommand {

    static final Set<String> OPTIONS = Set.of("old", "new", "proof", "key");

    private ConsistencyCommand() {
    }

    static void run(Options options, PrintStream out) throws InputException, VerificationFailure {
        Path oldPath = options.path("old");
        Path newPath = options.path("new");
        Path proofPath = options.path("proof");
        VerifierKey key = Inputs.verifierKey(options.path("key"));
        String oldNote = Inputs.text(oldPath);
        String newNote = Inputs.text(newPath);
        JsonNode proof = Inputs.json(proofPath);
        String where = proofPath.toString();
        if (!proof.isObject()) {
            throw new InputException(where + ": a consistency proof is a JSON object");
        }
        long from = Inputs.requiredLong(proof, "from", where);
        long to = Inputs.requiredLong(proof, "to", where);
        List<byte[]> hashes = Inputs.hashes(proof, where);

        Checkpoint older = open(oldNote, key, "old checkpoint " + oldPath);
        Checkpoint newer = open(newNote, key, "new checkpoint " + newPath);
        if (!older.origin().equals(newer.origin())) {
            throw new VerificationFailure("the checkpoints are of different logs: '" + older.origin() + "' and '"
                    + newer.origin() + "'");
        }
        if (from != older.treeSize() || to != newer.treeSize()) {
            throw new VerificationFailure("the proof is from size " + from + " to size " + to
                    + " but the checkpoints are of sizes " + older.treeSize() + " and " + newer.treeSize());
        }
        try {
            ProofVerifier.verifyConsistency(from, to, hashes, older.rootHash(), newer.rootHash());
        } catch (ProofException e) {
            throw new VerificationFailure("the log of size " + to + " is not proven to extend the log of size " + from
                    + ": " + e.getMessage());
        }
        Base64.Encoder base64 = Base64.getEncoder();
        out.println("OK: " + newer.origin() + ": the tree of size " + to + " (root "
                + base64.encodeToString(newer.rootHash()) + ") extends the tree of size " + from + " (root "
                + base64.encodeToString(older.rootHash()) + ")");
    }

    private static Checkpoint open(String note, VerifierKey key, String what) throws VerificationFailure {
        try {
            return Checkpoint.verify(note, key);
        } catch (NoteException e) {
            throw new VerificationFailure(what + " refused: " + e.getMessage());
        }
    }
}
