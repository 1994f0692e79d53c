package vn.hdnd.server.system;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Every request is timed by its route; no gauge of requests in flight is kept (application.yml, observations). */
@PostgresTest
class RequestMetricsTest {
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void requestsAreTimedWithoutAnInFlightGauge() {
        assertThat(Api.at(port).get("/api/v1/councils").status()).isEqualTo(200);
        // The timer stops after the answer is on its way: wait for it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/councils").timer())
                        .isNotNull()
                        .satisfies(timer -> assertThat(timer.count()).isPositive()));
        assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
    }
}
