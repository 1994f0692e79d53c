package vn.hdnd.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hdnd.server.system.DemoAccounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo profile loads the Hanoi 2021-2026 data set ({@link HanoiDemoPlan}) through the public command API of this
 * very process, as a clerk's tool would: HTTP, the demo admin's credentials, an Idempotency-Key per request. A second
 * start appends nothing. Progress is logged every few seconds.
 */
@Component
@Profile("demo")
class DemoDataLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoAccounts accounts;
    /** Councils loaded at once ({@code council.demo.parallel-councils}); each council's requests go in order. */
    private final int parallelCouncils;
    private final ObjectMapper json;
    private final WebServerApplicationContext context;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final AtomicLong lastPosition = new AtomicLong();
    private final AtomicInteger councilsLoaded = new AtomicInteger();
    private volatile int councilsTotal;
    private volatile long startedNanos;
    private volatile Double seconds;

    /** Progress of the load, for {@code GET /api/v1/admin/demo}. */
    record Status(String state, int councilsLoaded, int councilsTotal, Double seconds, long lastPosition) {
    }

    Status status() {
        String state = !done.isDone() ? (startedNanos == 0 ? "WAITING" : "LOADING")
                : done.isCompletedExceptionally() ? "FAILED" : "LOADED";
        Double elapsed = seconds != null ? seconds
                : startedNanos == 0 ? null : (System.nanoTime() - startedNanos) / 1e9;
        return new Status(state, councilsLoaded.get(), councilsTotal, elapsed, lastPosition.get());
    }

    DemoDataLoader(DemoAccounts accounts, ObjectMapper json, WebServerApplicationContext context,
                   @Value("${council.demo.parallel-councils:8}") int parallelCouncils) {
        this.accounts = accounts;
        this.parallelCouncils = parallelCouncils;
        this.json = json;
        this.context = context;
    }

    /** Completes with the log position of the last command once the whole data set is loaded. */
    CompletableFuture<Long> done() {
        return done;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (context.getEnvironment().getProperty("council.role", "all").equals("query")) {
            log.info("Demo data: this process runs the query side only; load from a command node");
            done.complete(0L);
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                done.complete(loadAll());
            } catch (Exception e) {
                log.error("Demo data: loading failed", e);
                done.completeExceptionally(e);
            }
        }, "demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private long loadAll() throws Exception {
        URI base = URI.create("http://localhost:" + context.getWebServer().getPort());
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (accounts.adminUsername() + ":" + accounts.adminPassword()).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<List<CouncilPlan>> waves = HanoiDemoPlan.build();
        int total = waves.stream().mapToInt(List::size).sum();
        councilsTotal = total;
        AtomicInteger loaded = councilsLoaded;
        long started = System.nanoTime();
        startedNanos = started;
        log.info("Demo data: loading {} councils of Hanoi 2021-2026 through the command API", total);
        ExecutorService pool = Executors.newFixedThreadPool(parallelCouncils);
        try {
            for (List<CouncilPlan> wave : waves) {
                List<CompletableFuture<Void>> councils = new ArrayList<>();
                for (CouncilPlan council : wave) {
                    councils.add(CompletableFuture.runAsync(() -> {
                        for (DemoRequest request : council.requests()) {
                            send(http, base, auth, request);
                        }
                        int n = loaded.incrementAndGet();
                        if (n % 50 == 0 || n == total) {
                            log.info("Demo data: {}/{} councils loaded", n, total);
                        }
                    }, pool));
                }
                CompletableFuture.allOf(councils.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            pool.shutdownNow();
        }
        seconds = (System.nanoTime() - started) / 1e9;
        log.info("Demo data: loaded in {} s; the dashboard is at {}/", Math.round(seconds), base);
        return lastPosition.get();
    }

    private void send(HttpClient http, URI base, String auth, DemoRequest request) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(request.path()))
                    .header("Content-Type", "application/json")
                    .header("Authorization", auth)
                    .header("Idempotency-Key", request.idempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.body())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.path() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode answer = json.readTree(response.body());
            lastPosition.accumulateAndGet(answer.path("position").asLong(), Math::max);
        } catch (IOException e) {
            throw new IllegalStateException(request.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
