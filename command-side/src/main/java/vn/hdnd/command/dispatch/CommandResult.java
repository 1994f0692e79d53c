package vn.hdnd.command.dispatch;

/**
 * The answer to every command: the id of what the command created or changed, the aggregate's version (sequence
 * number of its last event) and the global log position of that event, for read-your-writes with {@code minPosition}.
 */
public record CommandResult(String id, long version, long position) {
}
