package vn.hdnd.command.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
     * Two statements, one round trip: the lock, then the head of the target aggregate's stream for the aggregate
     * cache ({@link StreamPositions}). In PostgreSQL's default isolation each statement reads a snapshot taken when
     * it starts, so the head is read after the lock is held and sees every append committed before it.
     */
    private static final String LOCK_AND_READ_HEAD = """
            SELECT pg_advisory_xact_lock(hashtextextended(?, 0));
            SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?""";

    private final JdbcTemplate jdbc;
    private final boolean advisory;

    AggregateLocks(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.advisory = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Waits for the lock on {@code key} in the current transaction, and reads the head of {@code aggregateId}. */
    void lock(String key, String aggregateId) {
        if (!advisory) {
            return;
        }
        jdbc.execute(LOCK_AND_READ_HEAD, (PreparedStatement statement) -> {
            statement.setString(1, key);
            statement.setString(2, aggregateId);
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("the stream's head did not come back with the lock");
            }
            try (ResultSet head = statement.getResultSet()) {
                head.next();
                long last = head.getLong(1);
                StreamPositions.headReadWithLock(aggregateId, head.wasNull() ? null : last);
            }
            return null;
        });
    }
}
