package vn.hdnd.command.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hdnd.server.support.PostgresTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command transaction reuses generic plans from its first round trip on, and only that transaction does. */
@PostgresTest
class AggregateLocksTest {
    @Autowired
    AggregateLocks locks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theLocksRoundTripSetsTheTransactionsPlans() {
        transaction.executeWithoutResult(status -> {
            locks.lockAll(List.of(new AggregateLocks.Lock("vn-al-1", "vn-al-1")));
            assertThat(setting("plan_cache_mode")).isEqualTo("force_generic_plan");
            assertThat(setting("enable_seqscan")).isEqualTo("off");
        });
        String planCacheMode = transaction.execute(status -> setting("plan_cache_mode"));
        String seqScan = transaction.execute(status -> setting("enable_seqscan"));
        assertThat(planCacheMode).as("after the transaction").isEqualTo("force_custom_plan");
        assertThat(seqScan).as("after the transaction").isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
    }
}
