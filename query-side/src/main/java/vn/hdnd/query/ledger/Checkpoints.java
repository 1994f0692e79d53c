package vn.hdnd.query.ledger;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.CheckpointSigner;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Signed checkpoints (C2SP tlog-checkpoint in a signed note, Ed25519): the table {@code ledger_checkpoint}. Every
 * {@code council.ledger.checkpoint-interval} the node that holds the ledger processor's segment signs the current tree
 * if it has grown. Only that node signs, so every checkpoint comes from the node whose key writes the tree; only sizes
 * above the last checkpoint are signed, so the latest checkpoint's tree size never goes backwards.
 */
@Component
class Checkpoints extends PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final LedgerTree tree;
    private final CheckpointSigner signer;
    private final LedgerProperties properties;
    private final EventProcessingConfiguration processing;

    Checkpoints(JdbcClient jdbc, LedgerTree tree, CheckpointSigner signer, LedgerProperties properties,
                EventProcessingConfiguration processing) {
        super("ledger-checkpoints");
        this.jdbc = jdbc;
        this.tree = tree;
        this.signer = signer;
        this.properties = properties;
        this.processing = processing;
    }

    record Stored(long treeSize, String note) {
    }

    String origin() {
        return properties.origin();
    }

    Optional<Stored> latest() {
        return jdbc.sql("SELECT tree_size, note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    Optional<Stored> ofSize(long treeSize) {
        return jdbc.sql("SELECT tree_size, note FROM ledger_checkpoint WHERE tree_size = :size")
                .param("size", treeSize)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** Signs the current tree if it is larger than the last checkpoint; true if it signed. */
    boolean signIfGrown() {
        if (!holdsTheLedger()) {
            return false;
        }
        long size = tree.size();
        Optional<Stored> last = latest();
        if (last.isPresent() && last.get().treeSize() >= size) {
            return false;
        }
        byte[] root = tree.rootHash(size);
        String note = signer.sign(new Checkpoint(properties.origin(), size, root));
        try {
            jdbc.sql("""
                            INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at)
                            VALUES (:size, :root, :note, :at)""")
                    .param("size", size).param("root", root).param("note", note)
                    .param("at", LocalDateTime.now(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // signed a moment ago, by this node before a restart or by the previous segment holder
        }
    }

    private boolean holdsTheLedger() {
        return processing.eventProcessor(LedgerProjection.NAME, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().containsKey(0))
                .orElse(false);
    }

    @Override
    long intervalMillis() {
        return Math.max(1, properties.checkpointInterval().toMillis());
    }

    @Override
    void tick() {
        try {
            signIfGrown();
        } catch (RuntimeException e) {
            // The next tick tries again; a failed signature leaves nothing behind.
            log.warn("Could not sign a ledger checkpoint: {}", e.toString());
        }
    }
}
