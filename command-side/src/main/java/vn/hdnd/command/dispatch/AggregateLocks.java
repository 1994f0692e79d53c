package vn.hdnd.command.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
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
    private final JdbcClient jdbc;
    private final boolean advisory;

    AggregateLocks(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.advisory = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Waits for the lock on {@code key} in the current transaction. */
    void lock(String key) {
        if (advisory) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key)
                    .query().singleValue();
        }
    }
}
