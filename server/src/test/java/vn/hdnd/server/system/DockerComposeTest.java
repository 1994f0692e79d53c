package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml: PostgreSQL, one command node and two query nodes, with health checks. No Docker engine runs
 * here (nor in CI), so the file is read as YAML (anchors and merge keys resolved as Compose resolves them) and its
 * settings are checked against what the application reads.
 */
class DockerComposeTest {
    private static final List<String> NODES = List.of("command", "query-1", "query-2");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new HashMap<>();
        ((Map<String, Object>) service.get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    /** The environment as the application sees it: Spring's relaxed binding of variable names to properties. */
    private static StandardEnvironment asSpringSeesIt(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the process environment is, so that Spring maps names as it maps real environment variables.
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void postgresOneCommandNodeAndTwoQueryNodesEachWithAHealthCheck() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsOnlyKeys("postgres", "command", "query-1", "query-2");
        services.forEach((name, service) -> assertThat(service.get("healthcheck")).as(name).isNotNull());

        for (String node : NODES) {
            assertThat(services.get(node).get("depends_on")).as(node)
                    .isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
            String role = asSpringSeesIt(environment(services.get(node))).getProperty("council.role");
            assertThat(role).as(node).isEqualTo(node.equals("command") ? "command" : "query");
        }
    }

    /** Several services building one image tag race under Compose's Bake builder; one builds, all run it. */
    @Test
    void oneNodeBuildsTheImageEveryNodeRuns() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(NODES).filteredOn(node -> services.get(node).containsKey("build")).containsExactly("command");
        for (String node : NODES) {
            assertThat(services.get(node).get("image")).as(node).isEqualTo(services.get("command").get("image"));
        }
    }

    @Test
    void everyNodeReachesTheComposeDatabaseAsItsOwner() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> postgres = environment(services.get("postgres"));
        for (String node : NODES) {
            StandardEnvironment environment = asSpringSeesIt(environment(services.get(node)));
            assertThat(environment.getProperty("spring.datasource.url")).as(node)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(environment.getProperty("spring.datasource.username")).as(node)
                    .isEqualTo(postgres.get("POSTGRES_USER"));
            // The same Compose variable (with the same default) on both sides; Compose substitutes it.
            assertThat(environment(services.get(node)).get("SPRING_DATASOURCE_PASSWORD")).as(node)
                    .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    /** A query node alone can hold every segment of every projection, so that no segment waits for the other node. */
    @Test
    @SuppressWarnings("unchecked")
    void eitherQueryNodeAloneCanHoldEverySegment() throws IOException {
        Map<String, Object> application;
        try (Reader reader = Files.newBufferedReader(Path.of("src", "main", "resources", "application.yml"))) {
            application = new Yaml().load(reader);
        }
        Map<String, Object> axon = (Map<String, Object>) application.get("axon");
        Map<String, Object> eventHandling = (Map<String, Object>) axon.get("eventhandling");
        Map<String, Map<String, Object>> processors =
                (Map<String, Map<String, Object>>) eventHandling.get("processors");
        int mostSegments = processors.values().stream()
                .mapToInt(p -> (Integer) p.get("initial-segment-count")).max().orElseThrow();
        assertThat(mostSegments).isPositive();

        Map<String, Map<String, Object>> services = services();
        for (String node : List.of("query-1", "query-2")) {
            // Read by AxonConfiguration as council.processors.max-claimed-segments (0 or absent: no limit).
            Integer claimed = asSpringSeesIt(environment(services.get(node)))
                    .getProperty("council.processors.max-claimed-segments", Integer.class);
            if (claimed != null && claimed > 0) {
                assertThat(claimed).as(node).isGreaterThanOrEqualTo(mostSegments);
            }
        }
    }

    /** Checkpoints keep one signing key whichever query node holds the ledger's segment: the nodes share the key. */
    @Test
    @SuppressWarnings("unchecked")
    void theQueryNodesShareTheLedgerSigningKey() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String node : List.of("query-1", "query-2")) {
            // The default key file (LedgerProperties, relative to the image's working directory /app).
            assertThat(asSpringSeesIt(environment(services.get(node))).getProperty("council.ledger.key-file"))
                    .as(node).isNull();
            assertThat((List<String>) services.get(node).get("volumes")).as(node).contains("ledger-key:/app/data");
        }
    }
}
