package vn.hdnd.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hdnd.server.CouncilRecordApplication;
import vn.hdnd.server.support.Api;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger and the audit trail on the embedded default (H2): the same SQL, the same answers, the same verdict from
 * the offline verifier.
 */
class LedgerOnH2Test {

    @Test
    void theEmbeddedDefaultKeepsAVerifiableLedger(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("data/council-record")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CouncilRecordApplication.class)
                .profiles("test").run("--server.port=0", "--spring.datasource.url=" + url)) {
            Api anonymous = Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
            Api admin = anonymous.as("admin", "admin-pw");
            Ledger ledger = new Ledger(anonymous);

            long position = Ledger.council(admin, "vn-h2l", 3);
            JsonNode receipt = ledger.receipt(position);
            String checkpoint = ledger.checkpoint();
            Path key = Ledger.write(dir, "log.pub", ledger.publicKey());

            Ledger.Verdict log = Ledger.verify("log", "--export", Ledger.write(dir, "events.ndjson",
                    ledger.export(anonymous)), "--checkpoint", Ledger.write(dir, "checkpoint.txt", checkpoint),
                    "--key", key);
            assertThat(log.exitCode()).as(log.toString()).isZero();
            Ledger.Verdict included = Ledger.verify("receipt", "--receipt",
                    Ledger.write(dir, "receipt.json", receipt), "--key", key);
            assertThat(included.exitCode()).as(included.toString()).isZero();

            long size = ledger.open(checkpoint).treeSize();
            assertThat(anonymous.get("/api/v1/ledger/proofs/consistency?from=1&to=" + size).status()).isEqualTo(200);
            assertThat(anonymous.get("/api/v1/audit/events?limit=2").json().path("items")).hasSize(2);
            JsonNode state = anonymous.get("/api/v1/audit/aggregates/vn-h2l/state?asOf=" + Instant.now()
                    + "&validAt=2021-06-02").json();
            assertThat(state.path("state").path("delegates")).hasSize(3);
            assertThat(anonymous.as("auditor", "auditor-pw").get("/api/v1/audit/aggregates/vn-h2l/events").json()
                    .get(0).path("metadata").path("actor").asText()).isEqualTo("admin");
        }
    }
}
