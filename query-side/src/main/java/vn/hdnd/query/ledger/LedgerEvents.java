package vn.hdnd.query.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The event log as auditors read it: the event store's rows as they are now, with the leaf each was logged as. The
 * payload and every field a leaf commits to come from {@code domain_event_entry}, the leaf index and leaf hash from
 * {@code ledger_leaf}; so an event edited after it was logged no longer matches its published leaf hash, and a
 * deleted event leaves a gap in the leaf indexes. Both are what the offline verifier looks for.
 */
@Component
public class LedgerEvents {
    private static final String LOGGED = "SELECT " + StoredEvent.COLUMNS + ", l.leaf_index, l.leaf_hash"
            + " FROM ledger_leaf l JOIN domain_event_entry e ON e.global_index = l.global_index ";

    private final JdbcClient jdbc;
    private final LedgerTree tree;

    LedgerEvents(JdbcClient jdbc, LedgerTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** How many events the ledger has logged: leaves 0 to size - 1. */
    public long size() {
        return tree.size();
    }

    /** Up to {@code limit} logged events with a leaf index above {@code after}, in leaf order. */
    public List<LoggedEvent> after(long after, int limit, boolean withMetadata) {
        return jdbc.sql(LOGGED + "WHERE l.leaf_index > :after ORDER BY l.leaf_index LIMIT :limit")
                .param("after", after).param("limit", limit)
                .query((rs, n) -> logged(rs, withMetadata))
                .list();
    }

    /**
     * The logged events with leaf indexes in {@code [from, to)}, in leaf order. Paging by index range rather than by
     * row count keeps a deleted event visible as a gap.
     */
    public List<LoggedEvent> range(long from, long to, boolean withMetadata) {
        return jdbc.sql(LOGGED + "WHERE l.leaf_index >= :from AND l.leaf_index < :to ORDER BY l.leaf_index")
                .param("from", from).param("to", to)
                .query((rs, n) -> logged(rs, withMetadata))
                .list();
    }

    /** One aggregate's whole history, oldest first, with leaves where the ledger has logged the event already. */
    public List<LoggedEvent> ofAggregate(String aggregateId, boolean withMetadata) {
        return jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                        , l.leaf_index, l.leaf_hash
                          FROM domain_event_entry e LEFT JOIN ledger_leaf l ON l.global_index = e.global_index
                         WHERE e.aggregate_identifier = :id ORDER BY e.sequence_number""")
                .param("id", aggregateId)
                .query((rs, n) -> logged(rs, withMetadata))
                .list();
    }

    Optional<LoggedEvent> atPosition(long position) {
        return jdbc.sql(LOGGED + "WHERE l.global_index = :position")
                .param("position", position)
                .query((rs, n) -> logged(rs, false))
                .optional();
    }

    Optional<LoggedEvent> withId(String eventId) {
        return jdbc.sql(LOGGED + "WHERE l.event_identifier = :id")
                .param("id", eventId)
                .query((rs, n) -> logged(rs, false))
                .optional();
    }

    /** True if the event store holds an event at this position (logged or not yet). */
    boolean storedAt(long position) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = :position")
                .param("position", position).query(Long.class).single() > 0;
    }

    /** True if the event store holds the event (logged or not yet). */
    boolean storedWithId(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", eventId).query(Long.class).single() > 0;
    }

    private static LoggedEvent logged(ResultSet rs, boolean withMetadata) throws SQLException {
        long leafIndex = rs.getLong("leaf_index");
        Long leaf = rs.wasNull() ? null : leafIndex;
        return StoredEvent.read(rs).logged(leaf, rs.getBytes("leaf_hash"), withMetadata);
    }
}
