package vn.hdnd.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} threads each run {@code operation} back to back until the duration is over,
 * recording every latency and every outcome. An outcome is a label such as "201" or "409"; an error is a 5xx or an
 * exception (labelled "exception:Name").
 */
final class LoadDriver {

    /** One operation of one client; returns its outcome label (the HTTP status, say). */
    @FunctionalInterface
    interface Operation {
        String run(int client, long iteration) throws Exception;
    }

    private LoadDriver() {
    }

    static Stats run(String scenario, int clients, Duration duration, Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long[][] latencies = new long[clients][];
        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = operation.run(client, i);
                    } catch (Exception e) {
                        outcome = "exception:" + e.getClass().getSimpleName();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                    outcomes.merge(outcome, 1L, Long::sum);
                    if (outcome.startsWith("5") || outcome.startsWith("exception:")) {
                        errors.incrementAndGet();
                    }
                }
                latencies[client] = Arrays.copyOf(mine, n);
            }, "load-" + scenario + "-" + c);
            threads[c].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Stats.of(scenario, Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray(), seconds,
                errors.get(), outcomes);
    }
}
