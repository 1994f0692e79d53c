package vn.hdnd.server.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    private double staleLoads() {
        return metrics.get("council.aggregate.cache.loads").tag("outcome", "stale").functionCounter().count();
    }
}
