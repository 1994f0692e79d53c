package vn.hdnd.query.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code council.ledger.*}.
 *
 * @param keyFile            the checkpoint signing key (a {@code PRIVATE+KEY+…} file, Go's note format). Unset: the
 *                           embedded default {@code ./data/ledger-signing.key}, created on first start
 * @param origin             the checkpoints' first line, the log's name; a generated key takes it as its name
 * @param checkpointInterval how often the node that writes the ledger signs a checkpoint when the tree has grown
 * @param receiptWait        how long a receipt request waits for its event to be logged and covered by a checkpoint
 *                           before answering 503
 */
@ConfigurationProperties("council.ledger")
record LedgerProperties(String keyFile, String origin, Duration checkpointInterval, Duration receiptWait) {
    static final String DEFAULT_KEY_FILE = "data/ledger-signing.key";
    static final String DEFAULT_ORIGIN = "council-record.local/ledger";

    LedgerProperties {
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.strip();
        origin = origin == null || origin.isBlank() ? DEFAULT_ORIGIN : origin.strip();
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(2) : checkpointInterval;
        receiptWait = receiptWait == null ? Duration.ofSeconds(5) : receiptWait;
    }
}
