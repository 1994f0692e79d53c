package vn.hdnd.server.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command decides on what the log holds, not on what this node last cached: an event appended by another command
 * node (here, straight to the storage engine) is seen by the next command on the same aggregate.
 */
@PostgresTest
class OtherNodeAppendTest {
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry metrics;

    @Test
    void theNextCommandSeesAnotherNodesAppend(@Autowired EventStorageEngine engine) {
        Api admin = Api.at(port).as("admin", "admin-pw");
        // This node now holds the council as it was created: without a term, where no delegate can be seated.
        assertThat(admin.post("/api/v1/councils", Map.of("id", "vn-other1", "name", "HĐND tỉnh O1",
                "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);

        double staleBefore = staleLoads();
        engine.appendEvents(new GenericDomainEventMessage<>("Council", "vn-other1", 1,
                new TermOpened("vn-other1", "2021-2026", 50, LocalDate.of(2021, 5, 23))));

        Api.Response seated = admin.post("/api/v1/councils/vn-other1/delegates", Map.of("id", "vn-other1-d1",
                "fullName", "Lê Văn B", "fullTime", false, "seatedOn", "2021-06-01"));
        assertThat(seated.status()).isEqualTo(201);
        assertThat(seated.json().path("version").asLong()).isEqualTo(2);
        assertThat(staleLoads()).as("the cached council was found behind the log").isEqualTo(staleBefore + 1);
    }

    /**
     * The command reads the stream's head in the same round trip as its lock (AggregateLocks): the head must still
     * come from after the lock is held. Another node holds the lock while it appends; the command waits, then must
     * see the append (a head read before the wait would hand out the cached council, without its term: a wrong 409).
     */
    @Test
    void anAppendCommittedWhileTheCommandWaitedForItsLockIsSeen(@Autowired EventStorageEngine engine,
                                                                @Autowired TransactionTemplate transaction,
                                                                @Autowired JdbcClient jdbc) throws Exception {
        Api admin = Api.at(port).as("admin", "admin-pw");
        assertThat(admin.post("/api/v1/councils", Map.of("id", "vn-other2", "name", "HĐND tỉnh O2",
                "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> otherNode = threads.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('vn-other2', 0))").query().singleValue();
                engine.appendEvents(new GenericDomainEventMessage<>("Council", "vn-other2", 1,
                        new TermOpened("vn-other2", "2021-2026", 50, LocalDate.of(2021, 5, 23))));
                appended.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Api.Response> seat = threads.submit(() -> admin.post("/api/v1/councils/vn-other2/delegates",
                    Map.of("id", "vn-other2-d1", "fullName", "Lê Văn C", "fullTime", false,
                            "seatedOn", "2021-06-01")));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single() > 0);
            commit.countDown();
            otherNode.get(10, TimeUnit.SECONDS);

            Api.Response seated = seat.get(10, TimeUnit.SECONDS);
            assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
            assertThat(seated.json().path("version").asLong()).isEqualTo(2);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private double staleLoads() {
        return metrics.get("council.aggregate.cache.loads").tag("outcome", "stale").functionCounter().count();
    }
}
