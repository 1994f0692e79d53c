package vn.hdnd.server.system;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hdnd.server.CouncilRecordApplication;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One jar, two roles on one PostgreSQL database: a command node has the command endpoints and no processors, a query
 * node has the projections and query endpoints and no command endpoints; events reach it through the event store.
 */
class RoleSplitTest {

    @Test
    void aCommandNodeAndAQueryNodeShareTheEventStore() {
        try (ConfigurableApplicationContext command = new SpringApplicationBuilder(CouncilRecordApplication.class)
                .profiles("test").initializers(new PostgresTestDatabase())
                .run("--server.port=0", "--council.role=command")) {
            String url = command.getEnvironment().getProperty("spring.datasource.url");
            try (ConfigurableApplicationContext query = new SpringApplicationBuilder(CouncilRecordApplication.class)
                    .profiles("test")
                    .run("--server.port=0", "--council.role=query", "--spring.datasource.url=" + url,
                            "--spring.datasource.username=" + command.getEnvironment().getProperty(
                                    "spring.datasource.username"),
                            "--spring.datasource.password=" + command.getEnvironment().getProperty(
                                    "spring.datasource.password"))) {
                Api commandNode = Api.at(port(command));
                Api queryNode = Api.at(port(query));

                assertThat(command.getBean(EventProcessingConfiguration.class).eventProcessors()).isEmpty();
                assertThat(query.getBean(EventProcessingConfiguration.class).eventProcessors()).containsKey("councils");

                Api.Response created = commandNode.as("admin", "admin-pw").post("/api/v1/councils", Map.of(
                        "id", "vn-r1", "name", "HĐND tỉnh R1", "tier", "PROVINCE", "establishedOn", "2008-08-01"));
                assertThat(created.status()).isEqualTo(201);
                assertThat(commandNode.get("/api/v1/councils/vn-r1").status()).isEqualTo(404);

                Api.Response read = queryNode.get("/api/v1/councils/vn-r1?minPosition=" + created.position());
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().path("name").asText()).isEqualTo("HĐND tỉnh R1");
                assertThat(queryNode.as("admin", "admin-pw").post("/api/v1/councils", Map.of("id", "vn-r2",
                        "name", "X", "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isIn(404, 405);
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
