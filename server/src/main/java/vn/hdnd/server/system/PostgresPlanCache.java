package vn.hdnd.server.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * On PostgreSQL, every session plans each statement for its parameters ({@code plan_cache_mode =
 * force_custom_plan}, setting {@code council.database.plan-cache-mode}; {@code auto} is PostgreSQL's default).
 *
 * <p>Why: the JDBC driver prepares a statement on the server after five executions, and PostgreSQL may then keep a
 * generic plan for as long as the pooled connection lives. A plan made while a table was nearly empty (a sequential
 * scan is the cheapest way to read ten pages) is replaced only when an ANALYZE changes the table's statistics; before
 * autovacuum's first pass over a table that grew fast (a rebuild, a bulk load, a new ledger), or with autovacuum off,
 * none comes, and each lookup scans the whole table. On a log of a million events, the ledger's leaf lookups took
 * 150 to 800 ms each on long-lived connections and 11 ms on new ones. Planning each execution costs far less.
 */
@Component
class PostgresPlanCache implements BeanPostProcessor {
    private static final Set<String> MODES = Set.of("auto", "force_custom_plan", "force_generic_plan");
    private final String mode;

    PostgresPlanCache(@Value("${council.database.plan-cache-mode:force_custom_plan}") String mode) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("council.database.plan-cache-mode must be one of " + MODES
                    + ", not '" + mode + "'");
        }
        this.mode = mode;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // After the spring.datasource.hikari settings are bound, before the pool opens its first connection.
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:") && dataSource.getConnectionInitSql() == null
                && !mode.equals("auto")) {
            dataSource.setConnectionInitSql("SET plan_cache_mode = " + mode);
        }
        return bean;
    }
}
