package vn.hdnd.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests share the query for an aggregate's last event, but never one that started before they asked. */
class LastSequencesTest {

    @Test
    void everyRequestSeesWhatWasAppendedBeforeItAsked() throws Exception {
        AtomicLong appended = new AtomicLong();
        AtomicInteger queries = new AtomicInteger();
        LastSequences last = new LastSequences(id -> {
            queries.incrementAndGet();
            long seen = appended.get();
            Thread.yield(); // let other requests arrive while this query "runs"
            return seen;
        });
        int threads = 16;
        int asks = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String aggregate = t % 2 == 0 ? "vn-a" : "vn-b";
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < asks; i++) {
                        // An event appended (and committed) before the request asks must be seen.
                        long before = appended.incrementAndGet();
                        assertThat(last.of(aggregate)).isGreaterThanOrEqualTo(before);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(queries.get()).isLessThanOrEqualTo(threads * asks);
    }

    @Test
    void aFailedQueryFailsItsRequestsAndTheNextRequestAsksAgain() {
        AtomicInteger calls = new AtomicInteger();
        LastSequences last = new LastSequences(id -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down");
            }
            return 41;
        });
        assertThatThrownBy(() -> last.of("vn-a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database is down");
        assertThat(last.of("vn-a")).isEqualTo(41);
        assertThat(last.of("vn-b")).isEqualTo(41);
    }
}
