package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.Frontier;
import vn.hdnd.ledger.proofs.NoteException;
import vn.hdnd.ledger.proofs.TreeAppender;
import vn.hdnd.ledger.proofs.VerifierKey;

/**
 * {@code log}: re-derives the checkpoint's root from a full event export, like Tessera's fsck.
 *
 * <p>It streams the export once, keeping only the tree's right edge in memory, so exports of millions of events
 * verify in constant memory. It stops at the first bad leaf and names it.
 */
final class LogCommand {

    static final Set<String> OPTIONS = Set.of("export", "checkpoint", "key");

    /** Leaf hashes are appended to the tree in batches of this many, to keep frontier copies rare. */
    private static final int BATCH = 4096;

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private LogCommand() {
    }

    static void run(Options options, PrintStream out) throws InputException, VerificationFailure {
        Path exportPath = options.path("export");
        Path checkpointPath = options.path("checkpoint");
        VerifierKey key = Inputs.verifierKey(options.path("key"));
        String note = Inputs.text(checkpointPath);

        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verify(note, key);
        } catch (NoteException e) {
            throw new VerificationFailure("checkpoint " + checkpointPath + " refused: " + e.getMessage());
        }

        long treeSize = checkpoint.treeSize();
        Frontier frontier = Frontier.empty();
        List<byte[]> batch = new ArrayList<>(BATCH);
        long leaves = 0;
        boolean everyLeafHashPublished = true;
        try (BufferedReader reader = Inputs.lines(exportPath)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = exportPath + " line " + lineNumber;
                JsonNode json = Inputs.json(line, where);
                ExportedEvent event = ExportedEvent.fromJson(json, where, true);
                checkLeafIndex(event, leaves);
                byte[] leafHash = event.leaf().leafHash();
                if (event.publishedLeafHash() == null) {
                    everyLeafHashPublished = false;
                } else if (!MessageDigest.isEqual(leafHash, event.publishedLeafHash())) {
                    throw new VerificationFailure("leaf " + leaves + " (event " + event.eventId() + "): the event hashes to "
                            + BASE64.encodeToString(leafHash) + " but its published leafHash is "
                            + BASE64.encodeToString(event.publishedLeafHash())
                            + " — the event was changed after it was logged");
                }
                if (leaves < treeSize) {
                    batch.add(leafHash);
                    if (batch.size() == BATCH) {
                        frontier = TreeAppender.append(frontier, batch).frontier();
                        batch.clear();
                    }
                }
                leaves++;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot read " + exportPath + ": " + e.getMessage(), e);
        }
        frontier = TreeAppender.append(frontier, batch).frontier();

        if (leaves < treeSize) {
            throw new VerificationFailure("the export has " + leaves + " leaves but the checkpoint covers " + treeSize
                    + ": leaves " + leaves + " to " + (treeSize - 1) + " are missing from the export");
        }
        byte[] root = frontier.rootHash();
        if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
            String why = everyLeafHashPublished
                    ? "every event matches its published leafHash, so events were removed, inserted or reordered and"
                            + " renumbered, or the export is of another log"
                    : "the export does not carry a leafHash for every event, so the changed leaf cannot be pinpointed;"
                            + " verify receipts (inclusion proofs) for suspect events";
            throw new VerificationFailure("root mismatch: the export's first " + treeSize + " leaves hash to "
                    + BASE64.encodeToString(root) + ", the checkpoint says "
                    + BASE64.encodeToString(checkpoint.rootHash()) + "; " + why);
        }
        String beyond = leaves > treeSize
                ? " (the export's " + (leaves - treeSize) + " later leaves are not covered by this checkpoint)"
                : "";
        out.println("OK: " + checkpoint.origin() + ": " + treeSize + " leaves match the signed checkpoint, root "
                + BASE64.encodeToString(root) + beyond);
    }

    /** Leaf indexes must run 0, 1, 2, ... with no gap, duplicate or reordering. */
    private static void checkLeafIndex(ExportedEvent event, long expected) throws VerificationFailure {
        long claimed = event.leafIndex();
        if (claimed == expected) {
            return;
        }
        String why = claimed > expected
                ? "an event was removed or reordered"
                : "an event was inserted, duplicated or reordered";
        throw new VerificationFailure("leaf " + expected + " (event " + event.eventId() + "): leaf index " + claimed
                + " expected " + expected + " — " + why);
    }
}
