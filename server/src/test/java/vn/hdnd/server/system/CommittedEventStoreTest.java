package vn.hdnd.server.system;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' streams take a callback for new events (without it a caught-up pooled processor polls every
 * 500 ms), and the callback comes once the command's transaction has committed, with the events readable.
 */
@PostgresTest
class CommittedEventStoreTest {
    @LocalServerPort
    int port;
    @Autowired
    EmbeddedEventStore eventStore;

    @Test
    void aStreamIsCalledBackWhenACommandsEventsAreCommitted() throws Exception {
        try (TrackingEventStream stream = eventStore.openStream(eventStore.createHeadToken())) {
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();

            Api.Response created = Api.at(port).as("admin", "admin-pw").post("/api/v1/councils", Map.of(
                    "id", "vn-w1", "name", "HĐND tỉnh W1", "tier", "PROVINCE", "establishedOn", "2008-08-01"));
            assertThat(created.status()).isEqualTo(201);

            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            TrackedEventMessage<?> event = stream.nextAvailable();
            assertThat(event.trackingToken().position()).hasValue(created.position());
        }
    }
}
