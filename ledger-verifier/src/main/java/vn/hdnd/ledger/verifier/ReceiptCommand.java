package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.NoteException;
import vn.hdnd.ledger.proofs.ProofException;
import vn.hdnd.ledger.proofs.ProofVerifier;
import vn.hdnd.ledger.proofs.VerifierKey;

/**
 * {@code receipt}: proves that one event is in the signed log. The receipt bundles the event, its leaf index, an RFC
 * 9162 audit path and the signed checkpoint it leads to, in the spirit of C2SP's offline tlog-proof.
 */
final class ReceiptCommand {

    static final Set<String> OPTIONS = Set.of("receipt", "key");

    private ReceiptCommand() {
    }

    static void run(Options options, PrintStream out) throws InputException, VerificationFailure {
        Path receiptPath = options.path("receipt");
        VerifierKey key = Inputs.verifierKey(options.path("key"));
        JsonNode receipt = Inputs.json(receiptPath);
        String where = receiptPath.toString();
        if (!receipt.isObject()) {
            throw new InputException(where + ": a receipt is a JSON object");
        }
        long leafIndex = Inputs.requiredLong(receipt, "leafIndex", where);
        long treeSize = Inputs.requiredLong(receipt, "treeSize", where);
        List<byte[]> hashes = Inputs.hashes(receipt, where);
        String note = Inputs.requiredText(receipt, "checkpoint", where);
        ExportedEvent event = ExportedEvent.fromJson(Inputs.required(receipt, "event", where), where + ": event", false);

        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verify(note, key);
        } catch (NoteException e) {
            throw new VerificationFailure("the receipt's checkpoint is refused: " + e.getMessage());
        }
        if (treeSize != checkpoint.treeSize()) {
            throw new VerificationFailure("the receipt's proof is for a tree of size " + treeSize
                    + " but its checkpoint is for size " + checkpoint.treeSize());
        }
        if (event.leafIndex() != null && event.leafIndex() != leafIndex) {
            throw new VerificationFailure("the receipt is for leaf " + leafIndex + " but its event says leaf "
                    + event.leafIndex());
        }
        byte[] leafHash = event.leaf().leafHash();
        if (event.publishedLeafHash() != null && !MessageDigest.isEqual(leafHash, event.publishedLeafHash())) {
            throw new VerificationFailure("leaf " + leafIndex + " (event " + event.eventId()
                    + "): the event does not hash to its published leafHash — the event was changed");
        }
        try {
            ProofVerifier.verifyInclusion(leafHash, leafIndex, treeSize, hashes, checkpoint.rootHash());
        } catch (ProofException e) {
            throw new VerificationFailure("leaf " + leafIndex + " (event " + event.eventId()
                    + ") is not proven to be in the signed log: " + e.getMessage());
        }
        out.println("OK: event " + event.eventId() + " (" + event.leaf().type() + ", aggregate "
                + event.leaf().aggregateId() + " #" + event.leaf().sequence() + ") is leaf " + leafIndex + " of "
                + checkpoint.origin() + " at tree size " + treeSize + ", root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
    }
}
