package vn.hdnd.server.system;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL, an append that meets an existing (aggregate, sequence) is a {@link ConcurrencyException}, the
 * exception the command dispatcher retries, and not a generic storage error.
 */
@PostgresTest
class DuplicateAppendTest {
    @LocalServerPort
    int port;

    @Test
    void anAppendAtATakenSequenceIsAConcurrencyConflict(@Autowired EventStorageEngine engine,
                                                        @Autowired JdbcClient jdbc) {
        Api admin = Api.at(port).as("admin", "admin-pw");
        assertThat(admin.post("/api/v1/councils", Map.of("id", "vn-dup1", "name", "HĐND tỉnh D1",
                "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/councils/vn-dup1/terms", Map.of("term", "2021-2026", "seats", 50,
                "startsOn", "2021-05-23")).status()).isEqualTo(201);

        TermOpened again = new TermOpened("vn-dup1", "2026-2031", 50, LocalDate.of(2026, 5, 23));
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Council", "vn-dup1", 1, again)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'vn-dup1'")
                .query(Long.class).single()).isEqualTo(2);
    }
}
