package vn.hdnd.query.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as the audit trail and the ledger show it: one line of the NDJSON export, and the {@code event} of a
 * receipt. The offline verifier (ledger-verifier) reads exactly these fields; {@code leafHash} lets it name an event
 * that was changed after it was logged.
 *
 * @param leafIndex  its leaf in the ledger; null while the ledger has not logged it yet
 * @param position   the event store's global index (a command answer's {@code position})
 * @param type       the payload type, e.g. {@code vn.hdnd.events.council.DelegateSeated}
 * @param revision   the payload's {@code @Revision}
 * @param recordedAt when the event store recorded it (ISO-8601 instant)
 * @param metadata   actor, reason, command id and correlation id: AUDITOR and ADMIN only
 * @param leafHash   the leaf hash the ledger computed when it logged the event (standard base64)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedEvent(Long leafIndex, long position, String eventId, String aggregateId, String aggregateType,
                          long sequence, String type, String revision, String recordedAt, JsonNode payload,
                          JsonNode metadata, String leafHash) {
}
