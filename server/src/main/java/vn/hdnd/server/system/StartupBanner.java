package vn.hdnd.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;

/** Says where the record answers and which database it keeps, once it is ready. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) throws SQLException {
        var context = (WebServerApplicationContext) event.getApplicationContext();
        String base = "http://localhost:" + context.getWebServer().getPort();
        String database;
        try (var connection = event.getApplicationContext().getBean(DataSource.class).getConnection()) {
            database = connection.getMetaData().getURL();
        }
        log.info("""

                Council record is running (role: {}) on {}
                  Dashboard:    {}/
                  API (OpenAPI): {}/swagger-ui.html   ({}/v3/api-docs)
                  Health:       {}/actuator/health""",
                context.getEnvironment().getProperty("council.role", "all"), database, base, base, base, base);
    }
}
