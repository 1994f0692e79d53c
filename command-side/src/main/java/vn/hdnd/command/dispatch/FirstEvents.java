package vn.hdnd.command.dispatch;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first event of an aggregate's stream: which council a session or an oversight case belongs to, read before
 * every command on it to authorise the command. Events are never changed, so a first event once committed is
 * remembered instead of read again (up to {@value #REMEMBERED} streams, then forgotten all at once); one read inside
 * a transaction is remembered only once that transaction has committed.
 */
@Component
public class FirstEvents {
    static final int REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Map<String, Object> remembered = new ConcurrentHashMap<>();

    FirstEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The payload of the stream's first event; empty when there is no such stream. */
    public Optional<Object> of(String aggregateId) {
        Object known = remembered.get(aggregateId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream events = eventStore.readEvents(aggregateId, 0L);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        Object first = events.next().getPayload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(aggregateId, first);
                }
            });
        } else {
            remember(aggregateId, first);
        }
        return Optional.of(first);
    }

    private void remember(String aggregateId, Object first) {
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(aggregateId, first);
    }
}
