package vn.hdnd.server.council;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.hdnd.server.support.Api;

/**
 * The seat race on the embedded H2, which has no advisory locks: commands on one council race, and only the cached
 * aggregate's check against the log and the retries on a taken sequence number keep the seats within the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:seatrace;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH")
@ActiveProfiles("test")
class SeatRaceOnH2Test {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(8)
    void concurrentSeatsNeverExceedTheSeatsAndNeverFailWithA5xx(RepetitionInfo round) throws Exception {
        Api admin = Api.at(port).as("admin", "admin-pw");
        CouncilApiTest.assertSeatRace(admin, Api.at(port).as("test-clerk", "test-clerk-pw"), jdbc,
                "vn-t4-h" + round.getCurrentRepetition());
    }
}
