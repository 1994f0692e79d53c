package vn.hdnd.server.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hdnd.server.support.PostgresTest;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The oversight scenarios on PostgreSQL. */
@PostgresTest
class OversightApiTest extends OversightScenarios {

    @Test
    void runsOnPostgreSql(@Autowired DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
