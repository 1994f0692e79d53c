package vn.hdnd.command.dispatch;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hdnd.server.support.PostgresTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's appends in a transaction that allows it wait to be written together, and nothing that reads a
 * stream in that transaction misses them: the storage engine writes them first.
 */
@PostgresTest
class DeferredAppendsTest {
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void appendsWaitForTheBatchAndAStreamsReadWritesThemFirst() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            DeferredAppends.allow();
            eventStore.publish(event("vn-da-1", 0), event("vn-da-1", 1));
            eventStore.publish(event("vn-da-2", 0));

            assertThat(stored("vn-da-1")).as("kept for the batch").isZero();
            assertThat(StreamPositions.lastAppended("vn-da-1")).as("no global index yet").isEmpty();

            List<Object> read = eventStore.readEvents("vn-da-1").asStream().map(e -> (Object) e.getSequenceNumber())
                    .toList();
            assertThat(read).containsExactly(0L, 1L);
            assertThat(stored("vn-da-2")).as("the batch is written together").isEqualTo(1);
            assertThat(StreamPositions.lastAppended("vn-da-1")).hasValueSatisfying(last -> {
                assertThat(last.sequenceNumber()).isEqualTo(1);
                assertThat(last.globalIndex()).isEqualTo(jdbc.sql("""
                                SELECT global_index FROM domain_event_entry
                                 WHERE aggregate_identifier = 'vn-da-1' AND sequence_number = 1""")
                        .query(Long.class).single());
            });
        });
    }

    @Test
    void elsewhereAppendsAreWrittenAtOnce() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            eventStore.publish(event("vn-da-3", 0));
            assertThat(stored("vn-da-3")).isEqualTo(1);
        });
    }

    private long stored(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, Map.of("n", sequence));
    }
}
