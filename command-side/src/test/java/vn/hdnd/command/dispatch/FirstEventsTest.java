package vn.hdnd.command.dispatch;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FirstEventsTest {
    private final EventStore eventStore = mock(EventStore.class);
    private final FirstEvents firstEvents = new FirstEvents(eventStore);

    private void stream(String id) {
        when(eventStore.readEvents(id, 0L)).thenAnswer(call -> DomainEventStream.of(
                new GenericDomainEventMessage<>("Case", id, 0, "opened " + id)));
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aCommittedFirstEventIsReadOnce() {
        stream("gs-1");
        assertThat(firstEvents.of("gs-1")).contains("opened gs-1");
        assertThat(firstEvents.of("gs-1")).contains("opened gs-1");
        verify(eventStore, times(1)).readEvents("gs-1", 0L);
    }

    @Test
    void aStreamNotYetInTheRecordIsReadAgainNextTime() {
        when(eventStore.readEvents("gs-2", 0L)).thenAnswer(call -> DomainEventStream.empty());
        assertThat(firstEvents.of("gs-2")).isEmpty();
        stream("gs-2");
        assertThat(firstEvents.of("gs-2")).contains("opened gs-2");
    }

    @Test
    void aFirstEventReadInATransactionIsRememberedOnlyWhenItCommits() {
        stream("gs-3");
        TransactionSynchronizationManager.initSynchronization();
        assertThat(firstEvents.of("gs-3")).isPresent();
        TransactionSynchronizationManager.clearSynchronization(); // rolled back: not remembered

        TransactionSynchronizationManager.initSynchronization();
        assertThat(firstEvents.of("gs-3")).isPresent();
        verify(eventStore, times(2)).readEvents("gs-3", 0L);
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        TransactionSynchronizationManager.clearSynchronization(); // committed: remembered

        assertThat(firstEvents.of("gs-3")).contains("opened gs-3");
        verify(eventStore, times(2)).readEvents("gs-3", 0L);
    }
}
