package vn.hdnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness working: a run with tiny numbers against the freshly built server jar on PostgreSQL. It checks
 * that every scenario ran and wrote its figures, not how fast anything was.
 */
class BenchSmokeTest {

    @Test
    void aSmokeRunWritesEveryScenario(@TempDir Path out) throws Exception {
        Path jar = Path.of("../server/target/council-record.jar");
        assertThat(jar).as("the server jar is built before the bench module").exists();
        Path written = new Bench(Bench.Options.parse(new String[]{"--smoke", "--jar", jar.toString(),
                "--out", out.toString()})).run();

        JsonNode results = Http.JSON.readTree(written.toFile());
        assertThat(results.path("environment").path("cores").asInt()).isPositive();
        assertThat(results.path("environment").path("axon-messaging").asText()).isEqualTo("4.13.0");
        JsonNode scenarios = results.path("scenarios");
        assertThat(scenarios.findValuesAsText("name")).anyMatch(n -> n.startsWith("0. baseline"))
                .anyMatch(n -> n.startsWith("1. command throughput")).anyMatch(n -> n.startsWith("2. contention"))
                .anyMatch(n -> n.startsWith("3. projection lag")).anyMatch(n -> n.startsWith("4. projection rebuild"))
                .anyMatch(n -> n.startsWith("4a. a bulk append")).anyMatch(n -> n.startsWith("4b. projection rebuild"));
        for (JsonNode scenario : scenarios) {
            assertThat(scenario.path("errors").asLong()).as(scenario.toString()).isZero();
        }
        assertThat(scenarios.get(1).path("operations").asLong()).isPositive();
        // Every throughput is also a ratio to the baseline; scenario 3 measures lag, not throughput.
        for (JsonNode scenario : scenarios) {
            String name = scenario.path("name").asText();
            if (!name.startsWith("0.") && !name.startsWith("3.") && !name.startsWith("6.")) {
                assertThat(scenario.path("ratioToBaseline").isNumber()).as(name).isTrue();
            }
        }
        // Processor time per command, from /proc: the server and PostgreSQL both work for every command.
        JsonNode commandCpu = scenarios.get(1).path("cpuMillisPerOperation");
        assertThat(commandCpu.path("server").asDouble()).as(commandCpu.toString()).isPositive();
        assertThat(commandCpu.path("postgresql").asDouble()).as(commandCpu.toString()).isPositive();
        assertThat(scenarios.get(0).path("cpuMillisPerOperation").path("postgresql").asDouble()).isPositive();
        assertThat(results.path("server").path("peakRssMiB").asLong()).isPositive();
        assertThat(Files.readString(out.resolve("results.md"))).contains("| Scenario |");
    }

    /** The bench measures the server as it is deployed: with the collector the Dockerfile and run.sh choose. */
    @Test
    void theServerRunsWithTheDeployedCollector() throws Exception {
        assertThat(Files.readString(Path.of("../Dockerfile"))).contains("\"" + ServerProcess.DEPLOYED_GC + "\"");
        assertThat(Files.readString(Path.of("../run.sh"))).contains("java " + ServerProcess.DEPLOYED_GC + " -jar");
    }
}
