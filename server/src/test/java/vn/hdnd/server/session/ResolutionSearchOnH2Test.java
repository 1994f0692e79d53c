package vn.hdnd.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hdnd.server.CouncilRecordApplication;
import vn.hdnd.server.support.Api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hdnd.server.session.Councils.delegates;

/** The embedded H2 default runs the vendor migrations of its own and answers the same votes and searches. */
class ResolutionSearchOnH2Test {

    @Test
    void votesAndSearchesOnTheEmbeddedDefault(@TempDir Path workingDirectory) {
        String url = "jdbc:h2:file:" + workingDirectory.resolve("data/council-record")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CouncilRecordApplication.class)
                .profiles("test").run("--server.port=0", "--spring.datasource.url=" + url)) {
            Api anonymous = Api.at(((WebServerApplicationContext) app).getWebServer().getPort());
            Councils record = new Councils(anonymous.as("admin", "admin-pw"));
            record.council("vn-h2s", null, "PROVINCE", 5);
            record.session("vn-h2s", "vn-h2s-k1", 1, "2021-06-25", delegates("vn-h2s", 1, 5));
            record.adopt("vn-h2s-k1", "m1", "Nghị quyết về cải tạo Đường Láng", 3, "2021-06-25", null, null);
            record.motion("vn-h2s-k1", "m2", "Nghị quyết đặt tên phố Dương Quảng Hàm", null, null);
            // 2 of 5 is not more than half.
            Councils.created(record.vote("vn-h2s-k1", "m2", 2, 0, 0, "2021-06-25"));
            Api.Response last = record.adopt("vn-h2s-k1", "m3", "Nghị quyết về quản lý đất đai", 3, "2021-06-25",
                    java.util.List.of("vn-h2s-nq-2021-1"), null);

            String in = "/api/v1/resolutions?councilId=vn-h2s&asOf=2021-12-31&minPosition=" + last.position() + "&q=";
            JsonNode land = anonymous.get(in + URLEncoder.encode("NGHI QUYET dat dai", StandardCharsets.UTF_8)).json();
            assertThat(land).hasSize(1);
            assertThat(land.get(0).path("number").asText()).isEqualTo("2/2021/NQ-HĐND");
            assertThat(land.get(0).path("amends").get(0).asText()).isEqualTo("vn-h2s-nq-2021-1");
            JsonNode street = anonymous.get(in + URLEncoder.encode("duong", StandardCharsets.UTF_8)).json();
            assertThat(street).hasSize(1);
            assertThat(street.get(0).path("status").asText()).isEqualTo("AMENDED");
            assertThat(anonymous.get("/api/v1/sessions/vn-h2s-k1").json().path("motions").get(1).path("outcome")
                    .asText()).isEqualTo("REJECTED");
            assertThat(anonymous.get("/api/v1/dashboard/summary?councilId=vn-h2s&asOf=2021-12-31").json()
                    .path("resolutionsAdopted").asInt()).isEqualTo(2);
        }
    }
}
