package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pooled connection plans statements for their parameters (see {@link PostgresPlanCache}). */
@PostgresTest
class PostgresPlanCacheTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void pooledConnectionsPlanEachExecution() {
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }
}
