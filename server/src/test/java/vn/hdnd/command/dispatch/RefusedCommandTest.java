package vn.hdnd.command.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command its aggregate refuses wrote nothing: the commands sharing its transaction are not written again for it,
 * and its aggregate stays in the cache for the next command instead of being replayed from its whole history.
 */
@PostgresTest
class RefusedCommandTest {
    @LocalServerPort
    int port;
    @Autowired
    GroupCommit groupCommit;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRefusedCommandLeavesItsTransactionAndItsAggregateToTheOthers() throws Exception {
        Api admin = Api.at(port).as("admin", "admin-pw");
        for (String council : List.of("vn-rc-a", "vn-rc-b")) {
            assertThat(admin.post("/api/v1/councils", Map.of("id", council, "name", "HĐND " + council,
                    "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        }
        assertThat(admin.post("/api/v1/councils/vn-rc-a/terms",
                Map.of("term", "2021-2026", "seats", 50, "startsOn", "2021-05-23")).status()).isEqualTo(201);

        double transactions = counter("council.commands.transactions");
        double rewritten = counter("council.commands.rewritten");
        // Hold the lane, so that the three commands queue behind it and share the next transaction.
        CountDownLatch release = new CountDownLatch(1);
        Thread held = new Thread(() -> groupCommit.execute(new AggregateLocks.Lock("vn-rc-hold", "vn-rc-hold"),
                status -> {
                    awaitQuietly(release);
                    return null;
                }));
        held.start();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Thread> clients = List.of(
                seat(admin, "vn-rc-a", "d1", answers),
                seat(admin, "vn-rc-b", "d2", answers), // no open term: refused
                seat(admin, "vn-rc-a", "d3", answers));
        Thread.sleep(500); // the three reach the lane's queue
        release.countDown();
        held.join();
        for (Thread client : clients) {
            client.join();
        }

        assertThat(answers).containsEntry("d1", 201).containsEntry("d2", 409).containsEntry("d3", 201);
        assertThat(counter("council.commands.rewritten")).isEqualTo(rewritten);
        assertThat(counter("council.commands.transactions")).as("the held one and the three together")
                .isEqualTo(transactions + 2);

        double hits = meters.get("council.aggregate.cache.loads").tag("outcome", "hit").functionCounter().count();
        assertThat(admin.post("/api/v1/councils/vn-rc-b/terms",
                Map.of("term", "2021-2026", "seats", 50, "startsOn", "2021-05-23")).status()).isEqualTo(201);
        assertThat(meters.get("council.aggregate.cache.loads").tag("outcome", "hit").functionCounter().count())
                .as("the refused command's council, still cached").isEqualTo(hits + 1);
    }

    private static Thread seat(Api admin, String council, String delegate, Map<String, Integer> answers) {
        Thread client = new Thread(() -> answers.put(delegate, admin.post("/api/v1/councils/" + council + "/delegates",
                Map.of("id", delegate, "fullName", "Nguyễn Văn " + delegate, "seatedOn", "2021-06-01")).status()));
        client.start();
        return client;
    }

    private double counter(String name) {
        return meters.get(name).functionCounter().count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
