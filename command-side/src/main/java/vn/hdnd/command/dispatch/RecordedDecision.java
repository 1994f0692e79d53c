package vn.hdnd.command.dispatch;

/**
 * What a command handler answers when its command recorded a decision that a receipt should cover: the stream and
 * the type of the event holding the decision's content. The dispatcher then answers that event's position as the
 * command's {@link CommandResult#receiptPosition()}. The event is the stream's last of its type: the command appended
 * it in the dispatcher's transaction, and no other transaction can append after it to that stream before this one
 * commits (the unique (aggregate, sequence) key).
 */
public record RecordedDecision(String aggregateId, Class<?> eventType) {
}
