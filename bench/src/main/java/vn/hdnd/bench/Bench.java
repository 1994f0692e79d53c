package vn.hdnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark harness (issue 6). One run: a fresh PostgreSQL database, the server jar started against it, the raw
 * INSERT baseline measured in the same run, then the scenarios over HTTP; results go to {@code results.json} and
 * {@code results.md} with every throughput also given as a ratio to the baseline.
 *
 * <pre>java -jar bench/target/bench.jar [--smoke] [--clients 16] [--seconds 30] [--events 1000000] ...</pre>
 */
public final class Bench {

    record Options(int clients, int seconds, int councils, long events, int longHistory, boolean hanoi,
                   String pgUrl, String pgUser, String pgPassword, Path jar, Path out, List<String> serverJvm,
                   String scenarios, int warmup) {

        /** Whether scenario {@code n} (1 to 6) runs; 3 runs with 1. */
        boolean runs(int n) {
            return scenarios.contains(String.valueOf(n)) && (n != 6 || hanoi);
        }

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--smoke")) {
                    smoke = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    a.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
                }
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new Options(
                    Integer.parseInt(a.getOrDefault("clients", smoke ? "2" : "16")),
                    Integer.parseInt(a.getOrDefault("seconds", smoke ? "2" : "30")),
                    Integer.parseInt(a.getOrDefault("councils", smoke ? "4" : "1000")),
                    Long.parseLong(a.getOrDefault("events", smoke ? "3000" : "1000000")),
                    Integer.parseInt(a.getOrDefault("long-history", smoke ? "200" : "10000")),
                    Boolean.parseBoolean(a.getOrDefault("hanoi", smoke ? "false" : "true")),
                    a.getOrDefault("pg-url", env("COUNCIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                    a.getOrDefault("pg-user", env("COUNCIL_TEST_PG_USER", "postgres")),
                    a.getOrDefault("pg-password", env("COUNCIL_TEST_PG_PASSWORD", "")),
                    Path.of(a.getOrDefault("jar", "server/target/council-record.jar")),
                    Path.of(a.getOrDefault("out", "bench-results/" + stamp)),
                    a.getOrDefault("server-jvm", "").isBlank() ? List.of()
                            : List.of(a.get("server-jvm").trim().split("\\s+")),
                    a.getOrDefault("scenarios", "1234567"),
                    // Two minutes: until then the JIT compilers still take a fifth of the server's processor time
                    // and much of its code still runs unoptimised (bench/README.md, "Warm-up").
                    Integer.parseInt(a.getOrDefault("warmup", smoke ? "1" : "120")));
        }
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar [--smoke] [--clients N] [--seconds S] [--councils C]
                   [--events E] [--long-history H] [--hanoi true|false] [--pg-url jdbc:postgresql://host:5432/db]
                   [--pg-user U] [--pg-password P] [--jar server/target/council-record.jar] [--out DIR]
                   [--server-jvm "-Xmx1g -XX:StartFlightRecording=filename=server.jfr"] [--scenarios 1234567]
                   [--warmup 120 (seconds of scenario 1's load before it is measured)]""";

    private static final String LONG_COUNCIL = "vn-bench-long";
    /** Every projection: the four views and the ledger. */
    private static final List<String> PROJECTIONS = List.of("councils", "sessions", "resolutions", "oversight", "ledger");

    private final Options options;
    private final Results results;
    private final CpuMeter cpu = new CpuMeter();

    Bench(Options options) {
        this.options = options;
        this.results = new Results(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path written = new Bench(options).run();
        System.out.println("bench: results in " + written);
    }

    Path run() throws Exception {
        Files.createDirectories(options.out());
        // Run a copy: a build that replaces the jar under a running server breaks it.
        Path jar = Files.copy(options.jar(), options.out().resolve("council-record.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING).toAbsolutePath();
        Database database = new Database(options.pgUrl(), options.pgUser(), options.pgPassword());
        database.create();
        results.environment(database.serverVersion());
        // Before the server starts: its start-up (class loading, JIT compilation) would take cores from the baseline.
        log("baseline: raw single-row INSERT transactions, %d clients, %d s", options.clients(), options.seconds());
        CpuMeter.Reading beforeBaseline = cpu.read();
        Stats baseline = database.baseline(options.clients(), Duration.ofSeconds(options.seconds()));
        results.baseline(baseline.withCpu(cpu.since(beforeBaseline, baseline.operations())));
        try (ServerProcess server = ServerProcess.start(jar, database, options.out().resolve("server.log"),
                options.serverJvm(), List.of())) {
            cpu.server(server.pid());

            if (options.runs(1)) {
                commandThroughputAndLag(server.http, createCouncils(server.http, "vn-bench", options.councils()));
                results.write(); // what is measured so far survives an interrupted run
            }
            if (options.runs(2)) {
                contention(server.http);
                results.write();
            }
            if (options.runs(4)) {
                rebuild(server.http, database);
                results.write();
            }
            if (options.runs(5)) {
                if (!options.runs(4)) {
                    database.appendSyntheticHistory(0, options.longHistory(), LONG_COUNCIL);
                }
                asOf(server.http);
                results.write();
            }
            if (options.runs(7)) {
                proofs(server.http);
                results.write();
            }
            results.memory(server.peakHeapBytes(), server.peakRssBytes());
        } finally {
            database.drop();
        }
        if (options.runs(6)) {
            hanoi(jar);
        }
        return results.write();
    }

    /** Councils with a term of 1,000 seats each (so that seats run out only after long runs), each with an oversight case. */
    private List<String> createCouncils(Http http, String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            expect(http.post("/api/v1/councils", Map.of("id", id, "name", "HĐND " + id, "tier", "PROVINCE",
                    "establishedOn", "2008-08-01")), 201);
            expect(http.post("/api/v1/councils/" + id + "/terms",
                    Map.of("term", "2021-2026", "seats", 1000, "startsOn", "2021-05-23")), 201);
            expect(http.post("/api/v1/councils/" + id + "/oversight-cases", Map.of("id", caseOf(id),
                    "title", "Giám sát việc thực hiện dự án đầu tư", "scope", "Tiến độ dự án đầu tư",
                    "conductedBy", "STANDING_COMMITTEE",
                    "subjects", List.of("Sở Tài nguyên và Môi trường"), "openedOn", "2021-08-01")), 201);
            ids.add(id);
        }
        return ids;
    }

    private static String caseOf(String councilId) {
        return councilId + "-gs";
    }

    /** Scenario 1 (commands spread over many aggregates) with scenario 3 (projection lag) sampled alongside. */
    private void commandThroughputAndLag(Http http, List<String> councils) throws Exception {
        // The view that shows each command's effect, and when the command was answered.
        record Answered(String view, long position, long nanos) {
        }
        AtomicReference<Answered> latest = new AtomicReference<>();
        // Each operation picks its aggregate at random: a fixed rotation lets clients fall into step behind one another
        // on the same council and measures that convoy instead of the record.
        LoadDriver.Operation mix = (client, i) -> {
            String council = councils.get(ThreadLocalRandom.current().nextInt(councils.size()));
            String id = client + "-" + i + "-" + System.nanoTime();
            Http.Answer answer;
            String view;
            switch ((int) (i % 5)) {
                case 0, 2 -> {
                    answer = http.post("/api/v1/oversight-cases/" + caseOf(council) + "/findings", Map.of(
                            "text", "Phát hiện " + i + ": dự án chậm tiến độ", "recordedOn", "2021-09-01"));
                    view = "/api/v1/oversight-cases/" + caseOf(council);
                }
                case 4 -> {
                    answer = http.post("/api/v1/councils/" + council + "/committees", Map.of(
                            "id", "k-" + id, "name", "Ban " + i, "formedOn", "2021-06-25"));
                    view = "/api/v1/councils/" + council;
                }
                default -> {
                    answer = http.post("/api/v1/councils/" + council + "/delegates", Map.of(
                            "id", "d-" + id, "fullName", "Nguyễn Văn " + i, "fullTime", false,
                            "seatedOn", "2021-06-01"));
                    view = "/api/v1/councils/" + council + "/delegates";
                }
            }
            if (answer.status() < 300) {
                latest.set(new Answered(view, answer.position(), System.nanoTime()));
            }
            return String.valueOf(answer.status());
        };
        // The lag sampler runs through the warm-up as well, its samples left out: its queries take code paths the
        // commands do not, and a warm-up without them left their compilation (and the recompilation of the shared
        // paths they made the JIT reconsider) to the measured 30 s, at up to a tenth of the machine (JFR).
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        List<Long> lags = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            Answered previous = null;
            while (running.get()) {
                Answered answered = latest.get();
                if (answered != null && answered != previous) {
                    previous = answered;
                    try {
                        if (http.get(answered.view() + "?minPosition=" + answered.position()).status() == 200
                                && answered.nanos() >= measuredFrom.get()) {
                            lags.add(System.nanoTime() - answered.nanos());
                        }
                    } catch (Exception ignored) {
                        // counted as a missing sample
                    }
                }
                sleep(50);
            }
        }, "lag-sampler");
        sampler.start();
        log("scenario 1: warming up for %d s", options.warmup());
        LoadDriver.run("warm-up", options.clients(), Duration.ofSeconds(options.warmup()), mix);
        log("scenario 1: command mix over %d councils, %d clients, %d s", councils.size(), options.clients(),
                options.seconds());
        measuredFrom.set(System.nanoTime());
        Stats commands = load("commands", options.clients(), mix);
        running.set(false);
        sampler.join();
        results.scenario("1. command throughput (findings on " + councils.size() + " oversight cases, delegates and "
                + "committees on " + councils.size() + " councils)", commands, true);
        long[] lagNanos = lags.stream().mapToLong(Long::longValue).toArray();
        results.scenario("3. projection lag under scenario 1 (command answer → visible with minPosition)",
                Stats.of("lag", lagNanos, options.seconds(), 0, Map.of("samples", (long) lagNanos.length)), false);
    }

    /** A scenario's load for {@code --seconds}, with the processor time each process spent per operation. */
    private Stats load(String scenario, int clients, LoadDriver.Operation operation) throws InterruptedException {
        CpuMeter.Reading before = cpu.read();
        Stats stats = LoadDriver.run(scenario, clients, Duration.ofSeconds(options.seconds()), operation);
        return stats.withCpu(cpu.since(before, stats.operations()));
    }

    /** Scenario 2: every client on two councils; conflicts must end in success after retry or a clean 409. */
    private void contention(Http http) throws Exception {
        List<String> hot = createCouncils(http, "vn-bench-hot", 2);
        log("scenario 2: contention, %d clients on %d councils, %d s", options.clients(), hot.size(),
                options.seconds());
        Stats stats = load("contention", options.clients(),
                (client, i) -> String.valueOf(http.post("/api/v1/councils/" + hot.get((int) (i % 2)) + "/committees",
                        Map.of("id", "h-" + client + "-" + i, "name", "Ban " + i, "formedOn", "2021-06-25"))
                        .status()));
        results.scenario("2. contention (" + options.clients() + " clients on 2 councils)", stats, true);
    }

    /**
     * Scenario 4: a log of at least {@code events} events, appended in bulk; the time every projection takes to
     * process the appended events; then a rebuild of the councils view alone (the view with the longest history) and
     * a rebuild of every projection at once, each until the whole log is processed again.
     */
    private void rebuild(Http http, Database database) throws Exception {
        long head = head(http);
        long toAppend = Math.max(0, options.events() - head);
        log("scenario 4: appending %,d synthetic council events (log head %,d)", toAppend, head);
        database.appendSyntheticHistory(toAppend, options.longHistory(), LONG_COUNCIL);
        long events = head(http);
        results.rebuild(String.format(Locale.ROOT, "4a. a bulk append of %,d events, processed by every projection",
                toAppend), toAppend, awaitPositions(http, PROJECTIONS, events, "processing the append"));

        expect(http.post("/api/v1/admin/projections/councils/rebuild", Map.of()), 202);
        results.rebuild(String.format(Locale.ROOT, "4b. projection rebuild, the councils view alone, %,d events", events),
                events, awaitPositions(http, List.of("councils"), events, "rebuilding councils"));

        for (String projection : PROJECTIONS) {
            expect(http.post("/api/v1/admin/projections/" + projection + "/rebuild", Map.of()), 202);
        }
        results.rebuild(String.format(Locale.ROOT, "4. projection rebuild, every projection at once (%s), %,d events",
                String.join(", ", PROJECTIONS), events), events,
                awaitPositions(http, PROJECTIONS, events, "rebuilding every projection"));
    }

    /**
     * Seconds until each projection has processed the log up to {@code position}, with progress every second; the
     * time each one took is noted.
     */
    private double awaitPositions(Http http, List<String> names, long position, String what) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(30).toNanos();
        Map<String, Double> done = new LinkedHashMap<>();
        while (done.size() < names.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not done in 30 minutes, done: " + done.keySet());
            }
            sleep(1000);
            StringBuilder progress = new StringBuilder();
            for (JsonNode p : http.get("/api/v1/admin/projections").json()) {
                String name = p.path("name").asText();
                if (!names.contains(name) || done.containsKey(name)) {
                    continue;
                }
                long at = p.path("position").asLong(-1);
                if (at >= position) {
                    done.put(name, (System.nanoTime() - start) / 1e9);
                } else {
                    progress.append(String.format(Locale.ROOT, "%s %.0f%%; ", name, 100.0 * Math.max(0, at) / position));
                }
            }
            if (!progress.isEmpty()) {
                log("%s: %s", what, progress);
            }
        }
        StringBuilder note = new StringBuilder(what).append(", seconds until done:");
        done.forEach((name, seconds) -> note.append(String.format(Locale.ROOT, " %s %.1f;", name, seconds)));
        results.note(note.toString());
        return (System.nanoTime() - start) / 1e9;
    }

    /** Scenario 5: the state of an aggregate with a long history, as of now and as of random instants of it. */
    private void asOf(Http http) throws Exception {
        String path = "/api/v1/audit/aggregates/" + LONG_COUNCIL + "/state?validAt=2021-09-01&asOf=";
        String now = Instant.now().toString();
        if (http.get(path + now).status() != 200) {
            results.note("5. as-of state: the audit state endpoint is not available in this build; not measured");
            return;
        }
        log("scenario 5: as-of state of %s (%d events), %d clients", LONG_COUNCIL, options.longHistory(),
                options.clients());
        Stats stats = load("as-of", options.clients(),
                (client, i) -> String.valueOf(http.get(path + now).status()));
        results.scenario("5. as-of state of an aggregate with " + options.longHistory() + " events, as of now",
                stats, true);
        // Its history was recorded one event a minute up to now (Database.appendSyntheticHistory): a random instant
        // in it asks for a different prefix each time.
        Instant first = Instant.now().minus(Duration.ofMinutes(options.longHistory()));
        Stats random = load("as-of-random", options.clients(),
                (client, i) -> String.valueOf(http.get(path + first.plusSeconds(
                        ThreadLocalRandom.current().nextLong(60L * options.longHistory()))).status()));
        results.scenario("5b. the same, as of random instants of its history", random, true);
        // One auditor at a time: the time a request takes, without queueing behind 15 others for two cores.
        Stats alone = load("as-of-alone", 1,
                (client, i) -> String.valueOf(http.get(path + first.plusSeconds(
                        ThreadLocalRandom.current().nextLong(60L * options.longHistory()))).status()));
        results.scenario("5c. as of random instants, 1 client", alone, true);
    }

    /**
     * Scenario 7: inclusion proofs of random leaves and consistency proofs from random earlier sizes, against the
     * latest checkpoint once the ledger has logged the whole log (a million leaves after scenario 4).
     */
    private void proofs(Http http) throws Exception {
        awaitPositions(http, List.of("ledger"), head(http), "logging the whole log");
        long size;
        long logged = projection(http, "ledger").path("position").asLong() + 1;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            sleep(1000); // the next checkpoint covers the whole ledger
            Http.Answer checkpoint = http.get("/api/v1/ledger/checkpoint");
            size = checkpoint.status() == 200 ? Long.parseLong(checkpoint.body().split("\n")[1]) : 0;
        } while (size < logged * 9 / 10 && System.nanoTime() < deadline);
        if (size == 0) {
            results.note("7. ledger proofs: no checkpoint was signed; not measured");
            return;
        }
        long leaves = size;
        log("scenario 7: ledger proofs in a tree of %,d leaves, %d clients", leaves, options.clients());
        Stats stats = load("proofs", options.clients(),
                (client, i) -> {
                    long at = ThreadLocalRandom.current().nextLong(leaves);
                    return String.valueOf((i % 2 == 0
                            ? http.get("/api/v1/ledger/proofs/inclusion?leafIndex=" + at + "&treeSize=" + leaves)
                            : http.get("/api/v1/ledger/proofs/consistency?from=" + (at + 1) + "&to=" + leaves))
                            .status());
                });
        results.scenario(String.format(Locale.ROOT, "7. ledger proofs (inclusion, consistency) in a tree of %,d leaves",
                leaves), stats, true);
    }

    /** Scenario 6: the Hanoi 2021 data set through the API, on a fresh database and server. */
    private void hanoi(Path jar) throws Exception {
        Database database = new Database(options.pgUrl(), options.pgUser(), options.pgPassword());
        database.create();
        try (ServerProcess server = ServerProcess.start(jar, database, options.out().resolve("server-hanoi.log"),
                options.serverJvm(), List.of("--spring.profiles.active=demo"))) {
            log("scenario 6: loading the Hanoi 2021 data set through the API");
            JsonNode status;
            do {
                sleep(2000);
                status = server.http.get("/api/v1/admin/demo").json();
                log("hanoi: %s, %d of %d councils", status.path("state").asText(),
                        status.path("councilsLoaded").asInt(), status.path("councilsTotal").asInt());
            } while (status.path("state").asText().matches("WAITING|LOADING"));
            results.hanoi(status.path("state").asText(), status.path("seconds").asDouble());
        } finally {
            database.drop();
        }
    }

    private static long head(Http http) throws Exception {
        return projection(http, "councils").path("head").asLong();
    }

    private static JsonNode projection(Http http, String name) throws Exception {
        for (JsonNode p : http.get("/api/v1/admin/projections").json()) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("no projection " + name);
    }

    private static void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("bench: " + format + "%n", args);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }
}
