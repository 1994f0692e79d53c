package vn.hdnd.command.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Queues commands on the same aggregate instead of letting them race. Without it, concurrent commands on one
 * aggregate all load the same version, all but one fail on the unique (aggregate, sequence) key after waiting for the
 * winner's commit, and retry into the same race; under load some run out of attempts. On PostgreSQL a transaction
 * advisory lock, released at commit or rollback, lets them through one at a time. The unique key still guards the
 * log; the embedded H2 default has no advisory locks and relies on the dispatcher's retries alone.
 */
@Component
class AggregateLocks {
    /**
     * The head of aggregate {@code a}'s stream, null if it has none. Not {@code MAX(sequence_number)}: PostgreSQL
     * plans every execution here ({@code PostgresPlanCache}), and it plans a {@code MAX} twice, as an aggregate and as
     * the index scan it becomes; the head's planning was its largest cost (bench/README.md).
     */
    private static final String LAST_SEQUENCE_NUMBER = """
            SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = a
             ORDER BY sequence_number DESC LIMIT 1""";

    /**
     * Three statements, one round trip. First the transaction's plan settings: elsewhere every execution is planned
     * ({@code PostgresPlanCache}), against generic plans made while a table was small that a fast-growing table
     * outlives; but a command transaction only inserts and looks rows up by key, so it reuses its statements' plans,
     * and with sequential scans off a plan made on a small table still uses the key. Planning was a third of the
     * append's cost and more than a third of the heads'. Generic plans are forced: left to choose ({@code auto}),
     * PostgreSQL kept planning the heads' statement anew, its generic plan costed for an array of unknown length.
     * Then the locks, in the order of their keys (so that two transactions locking overlapping sets cannot each wait
     * for the other), and the heads of the aggregates' streams for the aggregate cache ({@link StreamPositions}). In
     * PostgreSQL's default isolation each statement reads a snapshot taken when it starts, so the heads are read after
     * the locks are held and see every append committed before.
     */
    private static final String LOCK_AND_READ_HEADS = """
            SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_seqscan', 'off', true);
            SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) AS k;
            SELECT a, (""" + LAST_SEQUENCE_NUMBER + """
            ) FROM unnest(?::text[]) AS a""";

    /** A command's lock: its queue key, and the aggregate whose head is read once the lock is held. */
    record Lock(String key, String aggregateId) {
    }

    private final JdbcTemplate jdbc;
    private final boolean advisory;

    AggregateLocks(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.advisory = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * Waits for the lock on {@code key} in the current transaction, and reads the head of {@code aggregateId}, unless
     * the transaction already did ({@link #lockAll}).
     */
    void lock(String key, String aggregateId) {
        if (!StreamPositions.locked(key, aggregateId)) {
            lockAll(List.of(new Lock(key, aggregateId)));
        }
    }

    /**
     * Takes the locks of a batch's commands ({@link GroupCommit}) in one round trip instead of one each, and reads
     * their aggregates' heads; each command's own {@link #lock} then finds its lock held and its head read.
     */
    void lockAll(Collection<Lock> locks) {
        if (!advisory) {
            return;
        }
        String[] keys = locks.stream().map(Lock::key).distinct().sorted().toArray(String[]::new);
        String[] aggregates = locks.stream().map(Lock::aggregateId).distinct().toArray(String[]::new);
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_READ_HEADS)) {
                statement.setArray(1, connection.createArrayOf("text", keys));
                statement.setArray(2, connection.createArrayOf("text", aggregates));
                statement.execute();
                // Past the settings' and the locks' results to the heads'.
                if (!statement.getMoreResults() || !statement.getMoreResults()) {
                    throw new IllegalStateException("the streams' heads did not come back with the locks");
                }
                try (ResultSet heads = statement.getResultSet()) {
                    while (heads.next()) {
                        long last = heads.getLong(2);
                        StreamPositions.headReadWithLock(heads.getString(1), heads.wasNull() ? null : last);
                    }
                }
            }
            for (String key : keys) {
                StreamPositions.lockHeld(key);
            }
            return null;
        });
    }
}
