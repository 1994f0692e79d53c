package vn.hdnd.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects a run's figures and writes them as results.json and results.md. */
final class Results {
    private static final Pattern LIB = Pattern.compile("BOOT-INF/lib/(axon-messaging|spring-boot|postgresql)-(\\d[^/]*)\\.jar");

    private final Bench.Options options;
    private final ObjectNode json = Bench.object();
    private final ArrayNode scenarios = json.putArray("scenarios");
    private final ArrayNode notes = json.putArray("notes");
    private final StringBuilder table = new StringBuilder();
    private final StringBuilder cpuTable = new StringBuilder();
    private Stats baseline;

    Results(Bench.Options options) {
        this.options = options;
        json.put("startedAt", Instant.now().toString());
        ObjectNode settings = json.putObject("settings");
        settings.put("clients", options.clients());
        settings.put("secondsPerScenario", options.seconds());
        settings.put("councils", options.councils());
        settings.put("events", options.events());
        settings.put("longHistory", options.longHistory());
        settings.put("scenarios", options.scenarios());
        settings.put("warmupSeconds", options.warmup());
        settings.put("serverJvm", String.join(" ", options.serverJvm()));
    }

    void environment(String postgresVersion) {
        ObjectNode env = json.putObject("environment");
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("postgresql", postgresVersion);
        try (JarFile jar = new JarFile(options.jar().toFile())) {
            jar.stream().forEach(entry -> {
                Matcher m = LIB.matcher(entry.getName());
                if (m.matches()) {
                    env.put(m.group(1).equals("postgresql") ? "postgresql-jdbc" : m.group(1), m.group(2));
                }
            });
        } catch (IOException e) {
            env.put("versions", "unreadable: " + e.getMessage());
        }
    }

    void baseline(Stats stats) {
        baseline = stats;
        add("0. baseline: raw single-row INSERT transactions (plain JDBC, same PostgreSQL, same clients)", stats, false);
    }

    void scenario(String name, Stats stats, boolean ratio) {
        add(name, stats, ratio);
    }

    private void add(String name, Stats stats, boolean ratio) {
        ObjectNode s = scenarios.addObject();
        s.put("name", name);
        s.put("operations", stats.operations());
        s.put("seconds", round(stats.seconds()));
        s.put("throughputPerSecond", round(stats.throughput()));
        String ratioText = ratio ? ratio(s, stats.throughput()) : "";
        s.put("p50Millis", round(stats.p50Millis()));
        s.put("p95Millis", round(stats.p95Millis()));
        s.put("p99Millis", round(stats.p99Millis()));
        s.put("errors", stats.errors());
        s.putPOJO("outcomes", stats.outcomes());
        if (stats.cpu() != null) {
            ObjectNode cpu = s.putObject("cpuMillisPerOperation");
            cpu.put("server", round(stats.cpu().server(), 1000));
            cpu.put("postgresql", round(stats.cpu().postgres(), 1000));
            cpu.put("loadDriver", round(stats.cpu().driver(), 1000));
            cpuTable.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, stats.cpu().server(),
                    stats.cpu().postgres(), stats.cpu().driver()));
        }
        table.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f/s | %s | %.1f | %.1f | %.1f | %d | %s |%n", name,
                stats.operations(), stats.throughput(), ratioText, stats.p50Millis(), stats.p95Millis(),
                stats.p99Millis(), stats.errors(), stats.outcomes()));
    }

    /** A rebuild's events per second, also as a ratio to the baseline's single-row inserts per second. */
    void rebuild(String name, long events, double seconds) {
        ObjectNode s = scenarios.addObject();
        s.put("name", name);
        s.put("events", events);
        s.put("seconds", round(seconds));
        s.put("eventsPerSecond", round(events / seconds));
        table.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f events/s | %s | | | | | %.1f s |%n",
                name, events, events / seconds, ratio(s, events / seconds), seconds));
    }

    void hanoi(String state, double seconds) {
        ObjectNode s = scenarios.addObject();
        s.put("name", "6. Hanoi 2021 data set through the API");
        s.put("state", state);
        s.put("seconds", round(seconds));
        table.append(String.format(Locale.ROOT, "| 6. Hanoi 2021 data set through the API (%s) | | | | | | | | %.1f s |%n",
                state, seconds));
    }

    void memory(long peakHeapBytes, long peakRssBytes) {
        ObjectNode m = json.putObject("server");
        m.put("peakHeapMiB", peakHeapBytes / (1024 * 1024));
        m.put("peakRssMiB", peakRssBytes < 0 ? -1 : peakRssBytes / (1024 * 1024));
    }

    void note(String text) {
        notes.add(text);
        Bench.log("%s", text);
    }

    Path write() throws IOException {
        Files.createDirectories(options.out());
        Path jsonFile = options.out().resolve("results.json");
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), json);
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Environment: ").append(json.path("environment")).append("\n\n");
        md.append("Settings: ").append(json.path("settings")).append("; server: ").append(json.path("server"))
                .append("\n\n");
        md.append("| Scenario | Operations | Throughput | × baseline | p50 ms | p95 ms | p99 ms | Errors | Outcomes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n").append(table);
        if (!cpuTable.isEmpty()) {
            md.append("\nProcessor time per operation, ms (from /proc; the baseline has no server):\n\n")
                    .append("| Scenario | server | PostgreSQL | load driver |\n|---|---:|---:|---:|\n").append(cpuTable);
        }
        notes.forEach(n -> md.append("\n- ").append(n.asText()));
        Files.writeString(options.out().resolve("results.md"), md.append('\n').toString());
        System.out.print(md);
        return jsonFile;
    }

    /** Puts {@code perSecond} as a ratio to the baseline's throughput into {@code s}; the ratio as the table shows it. */
    private String ratio(ObjectNode s, double perSecond) {
        if (baseline == null) {
            return "";
        }
        double ratio = perSecond / baseline.throughput();
        s.put("ratioToBaseline", Math.round(ratio * 1000) / 1000.0);
        return String.format(Locale.ROOT, "%.3f", ratio);
    }

    private static double round(double value) {
        return round(value, 100);
    }

    private static double round(double value, int scale) {
        return (double) Math.round(value * scale) / scale;
    }
}
