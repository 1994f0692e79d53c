package vn.hdnd.server.system;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505 with no vendor error code, wrapped by the
 * storage engine; Axon's own resolver (by error code) misses it. Only that state is a duplicate key.
 */
class PersistenceExceptionResolverTest {
    private final PersistenceExceptionResolver resolver = new AxonConfiguration().persistenceExceptionResolver();

    @Test
    void aUniqueViolationWrappedByTheStorageEngineIsADuplicateKey() {
        PSQLException unique = new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION);
        assertThat(resolver.isDuplicateKeyViolation(new JdbcException("Failed to append", unique))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(
                new IllegalStateException(new JdbcException("Failed to append", unique)))).isTrue();
    }

    @Test
    void otherSqlStatesAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new JdbcException("Failed to append",
                new PSQLException("violates foreign key constraint", PSQLState.FOREIGN_KEY_VIOLATION)))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new JdbcException("Failed to append",
                new SQLException("serialization failure", "40001")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new JdbcException("Failed to append",
                new IllegalStateException("no SQL at all")))).isFalse();
    }
}
