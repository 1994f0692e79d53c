package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hdnd.server.CouncilRecordApplication;
import vn.hdnd.server.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo profile nobody has a password that was not configured: with no users configured (and no JWT
 * issuer), every command endpoint answers 401, whoever asks, and Spring Boot's generated password never appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoConfiguredUsersTest {

    @Test
    void withNoUsersConfiguredEveryCommandIsRefused(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CouncilRecordApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:no-users;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")) {
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            Api anonymous = Api.at(((WebServerApplicationContext) context).getWebServer().getPort());

            List<String> commands = new ArrayList<>();
            anonymous.get("/v3/api-docs").json().path("paths").properties().forEach(path -> {
                if (path.getValue().has("post")) {
                    commands.add(path.getKey().replaceAll("\\{[^}]+}", "vn-x"));
                }
            });
            assertThat(commands).hasSizeGreaterThan(20).contains("/api/v1/councils", "/api/v1/councils/vn-x/delegates",
                    "/api/v1/admin/projections/vn-x/rebuild");

            for (String command : commands) {
                for (Api caller : List.of(anonymous, anonymous.as("admin", "admin-pw"))) {
                    assertUnauthenticated(caller.post(command, Map.of()), command);
                }
            }
            // Spring Boot's default user, and the demo profile's admin (each check of an unknown user costs a hash).
            for (Api caller : List.of(anonymous.as("user", "user"), anonymous.as("demo-admin", ""))) {
                assertUnauthenticated(caller.post("/api/v1/councils", Map.of()), "/api/v1/councils");
            }
        }
        assertThat(output).doesNotContain("generated security password");
    }

    private static void assertUnauthenticated(Api.Response answer, String command) {
        assertThat(answer.status()).as(command + ": " + answer).isEqualTo(401);
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:hdnd:problem:unauthenticated");
    }
}
