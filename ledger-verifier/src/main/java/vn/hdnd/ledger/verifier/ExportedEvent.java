package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import vn.hdnd.ledger.proofs.LedgerLeaf;

/**
 * One event as the server exports it (a line of the NDJSON export, or a receipt's {@code event}). Only the fields
 * that the leaf commits to are read, plus {@code leafIndex} and the optional {@code leafHash}; unknown fields such as
 * {@code position}, {@code aggregateType} and {@code metadata} are ignored because the leaf does not cover them.
 *
 * @param leafIndex the claimed leaf index, or null if absent (allowed in receipts only)
 * @param publishedLeafHash the server's {@code leafHash}, or null if absent
 */
record ExportedEvent(Long leafIndex, String eventId, LedgerLeaf leaf, byte[] publishedLeafHash) {

    static ExportedEvent fromJson(JsonNode node, String where, boolean leafIndexRequired) throws InputException {
        if (!node.isObject()) {
            throw new InputException(where + ": an event must be a JSON object");
        }
        Long leafIndex = null;
        if (leafIndexRequired || node.hasNonNull("leafIndex")) {
            leafIndex = Inputs.requiredLong(node, "leafIndex", where);
        }
        String eventId = Inputs.requiredText(node, "eventId", where);
        String aggregateId = Inputs.requiredText(node, "aggregateId", where);
        long sequence = Inputs.requiredLong(node, "sequence", where);
        String type = Inputs.requiredText(node, "type", where);
        String recordedAtText = Inputs.requiredText(node, "recordedAt", where);
        JsonNode payload = Inputs.required(node, "payload", where);
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(recordedAtText);
        } catch (DateTimeParseException e) {
            throw new InputException(where + ": recordedAt '" + recordedAtText + "' is not an ISO-8601 instant", e);
        }
        byte[] published = null;
        if (node.hasNonNull("leafHash")) {
            published = Inputs.base64(Inputs.requiredText(node, "leafHash", where), where + ": leafHash");
        }
        LedgerLeaf leaf;
        try {
            leaf = LedgerLeaf.of(eventId, aggregateId, sequence, type, recordedAt, payload);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": event " + eventId + " cannot be encoded as a leaf: " + e.getMessage(), e);
        }
        return new ExportedEvent(leafIndex, eventId, leaf, published);
    }
}
