package vn.hdnd.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each Spring test context a fresh PostgreSQL database, created through {@code COUNCIL_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) and dropped when the context closes. If PostgreSQL does not
 * answer, the test fails: integration tests never fall back to H2. {@code ./run-tests.sh} provisions PostgreSQL.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String adminUrl = env("COUNCIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("COUNCIL_TEST_PG_USER", "postgres");
        String password = env("COUNCIL_TEST_PG_PASSWORD", "");
        String name = "council_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(adminUrl, user, password, "CREATE DATABASE " + name);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                "spring.datasource.password=" + password).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        });
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("These tests need PostgreSQL at " + url + " (user " + user + "): "
                    + e.getMessage() + ". Run ./run-tests.sh, which provisions it.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
