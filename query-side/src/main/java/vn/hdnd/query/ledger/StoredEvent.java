package vn.hdnd.query.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import vn.hdnd.events.StoredTimestamps;
import vn.hdnd.ledger.proofs.LedgerLeaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * One row of {@code domain_event_entry}, read as stored: the leaf is computed from these bytes when the event is
 * logged, and the export shows these bytes, so a row edited afterwards no longer matches its leaf.
 *
 * @param recordedAt the stored {@code time_stamp} as {@link Instant#toString()}, the form the leaf commits to
 * @param payload    the stored payload JSON (Jackson JSON of the event record); bytes that are not JSON become a string
 * @param metadata   the stored metadata map (actor, reason, command id, correlation id), or null
 */
record StoredEvent(long globalIndex, String eventId, String aggregateId, String aggregateType, long sequence,
                   String type, String revision, String recordedAt, JsonNode payload, JsonNode metadata) {

    /**
     * The columns {@link #read(ResultSet)} expects, first in the select list, for {@code domain_event_entry} aliased as
     * {@code e}.
     */
    static final String COLUMNS = """
            e.global_index, e.event_identifier, e.aggregate_identifier, e.type, e.sequence_number, e.payload_type,
            e.payload_revision, e.time_stamp, e.payload, e.meta_data""";

    /** {@link #COLUMNS} with a null for the metadata, which a leaf does not commit to: for logging events. */
    static final String LEAF_FIELDS = COLUMNS.replace("e.meta_data", "NULL");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The row, read by column position (the ledger reads every event it logs through here). */
    static StoredEvent read(ResultSet rs) throws SQLException {
        byte[] metadata = rs.getBytes(10);
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), instant(rs.getString(8)), json(rs.getBytes(9)),
                metadata == null ? null : json(metadata));
    }

    /** The leaf this event is logged as (see ledger-proofs/README.md, "Leaf format"). */
    LedgerLeaf leaf() {
        Instant at = StoredTimestamps.parseAxonForm(recordedAt);
        return LedgerLeaf.of(eventId, aggregateId, sequence, type, at != null ? at : Instant.parse(recordedAt),
                payload);
    }

    /** Axon writes at least three fraction digits; the leaf uses {@link Instant#toString()}, which trims them. */
    private static String instant(String stored) {
        Instant at = StoredTimestamps.parseAxonForm(stored);
        if (at != null) {
            return at.toString();
        }
        try {
            return Instant.parse(stored).toString();
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public form: without metadata unless the caller may read it. */
    LoggedEvent logged(Long leafIndex, byte[] leafHash, boolean withMetadata) {
        return new LoggedEvent(leafIndex, globalIndex, eventId, aggregateId, aggregateType, sequence, type, revision,
                recordedAt, payload, withMetadata ? metadata : null,
                leafHash == null ? null : Base64.getEncoder().encodeToString(leafHash));
    }
}
