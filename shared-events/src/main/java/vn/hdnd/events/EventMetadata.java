package vn.hdnd.events;

/**
 * Keys of the metadata every event carries besides its payload: who issued the command, why, and which command and
 * request it came from. Auditors read them; the public does not.
 */
public final class EventMetadata {
    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String COMMAND_ID = "commandId";
    /** Set by Axon's correlation data provider: the id of the command message that caused the event. */
    public static final String CORRELATION_ID = "correlationId";

    private EventMetadata() {
    }
}
