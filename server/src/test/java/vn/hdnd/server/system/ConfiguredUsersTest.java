package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user configured as production does it, with a {@code {bcrypt}} hash: that password works, another does not. */
@PostgresTest
class ConfiguredUsersTest {
    private static final Map<String, Object> COUNCIL = Map.of("id", "vn-bc", "name", "HĐND tỉnh BC",
            "tier", "PROVINCE", "establishedOn", "2008-08-01");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBcryptUsersPasswordIsCheckedAgainstItsHash() {
        Api anonymous = Api.at(port);
        Api.Response wrong = anonymous.as("bcrypt-clerk", "not-the-password").post("/api/v1/councils", COUNCIL);
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        assertThat(wrong.json().path("type").asText()).isEqualTo("urn:hdnd:problem:unauthenticated");
        // The hash itself is not a password.
        assertThat(anonymous.as("bcrypt-clerk", "$2a$10$5mHTj9KYPXluprRbs4fKne27Rau4hEHM5wan9Uh9mTP4bpAPcNh9C")
                .post("/api/v1/councils", COUNCIL).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'vn-bc'")
                .query(Long.class).single()).isZero();

        Api.Response created = anonymous.as("bcrypt-clerk", "bcrypt-clerk-pw").post("/api/v1/councils", COUNCIL);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // Still refused after a success (a success is cached; a different password must not hit that cache).
        assertThat(anonymous.as("bcrypt-clerk", "not-the-password").post("/api/v1/councils/vn-bc/terms",
                Map.of("term", "2021-2026", "seats", 50, "startsOn", "2021-05-23")).status()).isEqualTo(401);
    }
}
