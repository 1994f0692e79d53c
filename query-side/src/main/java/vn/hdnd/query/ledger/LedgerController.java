package vn.hdnd.query.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.ledger.proofs.CheckpointSigner;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.support.NotFound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger, public: the latest signed checkpoint, the key that signs it, RFC 9162 inclusion and consistency proofs,
 * and receipts. Every hash is standard base64. What these prove and how to check them offline: README, "Audit and
 * ledger", and ledger-verifier/README.md.
 */
@RestController
@ReadsFrom("ledger")
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger")
class LedgerController {
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final long POLL_MILLIS = 50;

    private final LedgerTree tree;
    private final Checkpoints checkpoints;
    private final LedgerEvents events;
    private final CheckpointSigner signer;
    private final LedgerProperties properties;

    LedgerController(LedgerTree tree, Checkpoints checkpoints, LedgerEvents events, CheckpointSigner signer,
                     LedgerProperties properties) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.events = events;
        this.signer = signer;
        this.properties = properties;
    }

    record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> hashes) {
    }

    record ConsistencyProof(long from, long to, List<String> hashes) {
    }

    /** The receipt the offline verifier's {@code receipt} command takes. */
    record Receipt(long leafIndex, long treeSize, List<String> hashes, String checkpoint, LoggedEvent event) {
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest signed checkpoint (C2SP signed note: origin, tree size, base64 root, signature)")
    ResponseEntity<String> checkpoint(@Parameter(description = "an earlier checkpoint's tree size; default the latest")
                                      @RequestParam(required = false) Long treeSize) {
        Checkpoints.Stored stored = treeSize == null
                ? checkpoints.latest().orElseThrow(() -> ApiProblems.notYet("no checkpoint has been signed yet",
                        properties.checkpointInterval()))
                : checkpoints.ofSize(treeSize).orElseThrow(() -> new NotFound(
                        "no checkpoint was signed for tree size " + treeSize));
        return ResponseEntity.ok().contentType(TEXT).body(stored.note());
    }

    @GetMapping("/public-key")
    @Operation(summary = "The verifier key of the checkpoint signing key (name+keyid+base64, Go's note format)")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(TEXT).body(signer.verifierKey().format() + "\n");
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof (audit path) of a leaf in the tree of the given size")
    InclusionProof inclusion(@RequestParam long leafIndex,
                             @Parameter(description = "default: the latest checkpoint's tree size")
                             @RequestParam(required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : checkpoints.latest().map(Checkpoints.Stored::treeSize)
                .orElseThrow(() -> ApiProblems.invalid("treeSize", "no checkpoint yet: give the tree size"));
        if (leafIndex < 0) {
            throw ApiProblems.invalid("leafIndex", "must not be negative");
        }
        if (leafIndex >= size) {
            throw ApiProblems.invalid("leafIndex", "leaf " + leafIndex + " is not in a tree of size " + size);
        }
        requireLogged(size, "treeSize");
        LedgerTree.Inclusion inclusion = tree.inclusion(leafIndex, size);
        return new InclusionProof(leafIndex, size, base64(inclusion.leafHash()), base64(inclusion.path()));
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof: the tree of size `to` extends the tree of size `from`")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 0) {
            throw ApiProblems.invalid("from", "must not be negative");
        }
        if (to < from) {
            throw ApiProblems.invalid("to", "must not be smaller than from (" + from + ")");
        }
        requireLogged(to, "to");
        return new ConsistencyProof(from, to, base64(tree.consistencyProof(from, to)));
    }

    @GetMapping("/receipts")
    @Operation(summary = "A receipt for one event: its leaf, the latest checkpoint and the inclusion proof linking "
            + "them; waits (then 503) until the event is logged and covered by a checkpoint")
    Receipt receipt(@Parameter(description = "a command answer's position") @RequestParam(required = false)
                    Long position,
                    @RequestParam(required = false) String eventId) {
        if ((position == null) == (eventId == null)) {
            throw ApiProblems.invalid(position == null ? "position" : "eventId",
                    "give either position (from a command's answer) or eventId");
        }
        Supplier<Optional<LoggedEvent>> find = position != null
                ? () -> events.atPosition(position) : () -> events.withId(eventId);
        String what = position != null ? "the event at position " + position : "event " + eventId;
        long deadline = System.nanoTime() + properties.receiptWait().toNanos();

        Optional<LoggedEvent> found = find.get();
        if (found.isEmpty() && !(position != null ? events.storedAt(position) : events.storedWithId(eventId))) {
            throw new NotFound("the record has no " + (position != null ? "event at position " + position
                    : "event " + eventId));
        }
        while (found.isEmpty()) {
            await(deadline, what + " is not logged yet");
            found = find.get();
        }
        LoggedEvent event = found.get();
        long leafIndex = event.leafIndex();
        Optional<Checkpoints.Stored> covering = checkpoints.latest().filter(c -> c.treeSize() > leafIndex);
        while (covering.isEmpty()) {
            await(deadline, "no checkpoint covers leaf " + leafIndex + " yet");
            covering = checkpoints.latest().filter(c -> c.treeSize() > leafIndex);
        }
        Checkpoints.Stored checkpoint = covering.get();
        return new Receipt(leafIndex, checkpoint.treeSize(),
                base64(tree.inclusionProof(leafIndex, checkpoint.treeSize())), checkpoint.note(), event);
    }

    private void await(long deadline, String why) {
        if (System.nanoTime() > deadline) {
            throw ApiProblems.notYet(why, properties.checkpointInterval());
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblems.notYet(why, properties.checkpointInterval());
        }
    }

    private void requireLogged(long treeSize, String field) {
        long size = tree.size();
        if (treeSize > size) {
            throw new NotFound("the ledger has " + size + " leaves; there is no tree of size " + treeSize + " yet ("
                    + field + ")");
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(LedgerController::base64).toList();
    }
}
