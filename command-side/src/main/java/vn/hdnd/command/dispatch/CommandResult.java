package vn.hdnd.command.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to every command: the id of what the command created or changed, the aggregate's version (sequence
 * number of its last event) and the global log position of that event, for read-your-writes with {@code minPosition}.
 *
 * <p>{@code receiptPosition} is present only when the command recorded a decision — a vote that adopted a resolution,
 * an issued conclusion — and is the position of the event holding the decision's content ({@code ResolutionAdopted},
 * {@code ConclusionIssued}): the position to ask {@code /api/v1/ledger/receipts} for. It differs from
 * {@code position} for a vote, whose last event is the session's note of the resolution number.
 */
public record CommandResult(String id, long version, long position,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long receiptPosition) {
    public CommandResult(String id, long version, long position) {
        this(id, version, position, null);
    }
}
