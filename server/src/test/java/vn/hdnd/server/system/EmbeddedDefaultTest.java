package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hdnd.server.CouncilRecordApplication;
import vn.hdnd.server.support.Api;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the embedded default: with no datasource configured the jar runs on H2 in file mode under ./data,
 * and what it recorded is still there after a restart.
 */
class EmbeddedDefaultTest {

    private static ConfigurableApplicationContext start(Path workingDirectory) {
        // The default URL is relative (./data); point it at the temporary directory the way a working directory would.
        String url = "jdbc:h2:file:" + workingDirectory.resolve("data/council-record")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new SpringApplicationBuilder(CouncilRecordApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url);
    }

    @Test
    void runsOnH2InFileModeAndKeepsItsStateAcrossARestart(@TempDir Path workingDirectory) throws Exception {
        try (ConfigurableApplicationContext first = start(workingDirectory)) {
            try (var connection = first.getBean(DataSource.class).getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            }
            Api api = Api.at(((WebServerApplicationContext) first).getWebServer().getPort());
            Api.Response created = api.as("admin", "admin-pw").post("/api/v1/councils", Map.of("id", "vn-h2",
                    "name", "HĐND thành phố Hà Nội", "tier", "PROVINCE", "establishedOn", "2008-08-01"));
            assertThat(created.status()).isEqualTo(201);
            api.as("admin", "admin-pw").post("/api/v1/councils/vn-h2/terms",
                    Map.of("term", "2021-2026", "seats", 95, "startsOn", "2021-05-23"));
            Api.Response seated = api.as("admin", "admin-pw").post("/api/v1/councils/vn-h2/delegates",
                    Map.of("id", "d1", "fullName", "Nguyễn Thị Đào", "fullTime", true, "seatedOn", "2021-06-01"));
            assertThat(seated.status()).isEqualTo(201);
            assertThat(api.get("/api/v1/councils/vn-h2/delegates?asOf=2021-07-01&minPosition=" + seated.position())
                    .json().get(0).path("fullName").asText()).isEqualTo("Nguyễn Thị Đào");
        }
        assertThat(workingDirectory.resolve("data/council-record.mv.db")).exists();

        try (ConfigurableApplicationContext second = start(workingDirectory)) {
            Api api = Api.at(((WebServerApplicationContext) second).getWebServer().getPort());
            var council = api.get("/api/v1/councils/vn-h2?asOf=2021-07-01").json();
            assertThat(council.path("seats").asInt()).isEqualTo(95);
            assertThat(council.path("delegates").asInt()).isEqualTo(1);
            // The aggregate is rebuilt from the stored events: a second seat for the same delegate is refused.
            assertThat(api.as("admin", "admin-pw").post("/api/v1/councils/vn-h2/delegates",
                    Map.of("id", "d1", "fullName", "Nguyễn Thị Đào", "fullTime", true, "seatedOn", "2021-06-01"))
                    .status()).isEqualTo(409);
        }
    }
}
