package vn.hdnd.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.query.ledger.LedgerEvents;
import vn.hdnd.query.ledger.LoggedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An aggregate's state rebuilt from the events recorded up to an instant ({@code asOf}, recorded time), as valid on a
 * date ({@code validAt}, valid time). Councils are folded into {@link CouncilHistory}; other aggregates answer the
 * list of their events recorded by then. Council folds start from the newest snapshot whose events were all
 * recorded by {@code asOf} and store a snapshot every {@code council.audit.snapshot-every} events on the way.
 */
@Component
class AuditStates {
    private final EventStore eventStore;
    private final AuditSnapshots snapshots;
    private final LedgerEvents events;
    private final JdbcClient jdbc;
    private final int snapshotEvery;

    AuditStates(EventStore eventStore, AuditSnapshots snapshots, LedgerEvents events, JdbcClient jdbc,
                @Value("${council.audit.snapshot-every:100}") int snapshotEvery) {
        this.eventStore = eventStore;
        this.snapshots = snapshots;
        this.events = events;
        this.jdbc = jdbc;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * @param version the sequence number of the last event folded
     * @param events  how many events were folded
     * @param state   for a council {@link CouncilHistory.CouncilAsOf}; otherwise {@code {events: [...]}}
     */
    record AuditState(String aggregateId, String aggregateType, Instant asOf, LocalDate validAt, long version,
                      long events, Object state) {
    }

    Optional<AuditState> state(String aggregateId, Instant asOf, LocalDate validAt, boolean withMetadata) {
        Optional<String> type = jdbc.sql("""
                        SELECT type FROM domain_event_entry WHERE aggregate_identifier = :id
                         ORDER BY sequence_number LIMIT 1""")
                .param("id", aggregateId).query(String.class).optional();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return CouncilHistory.AGGREGATE_TYPE.equals(type.get())
                ? council(aggregateId, asOf, validAt, snapshotEvery > 0)
                : eventList(aggregateId, type.get(), asOf, validAt, withMetadata);
    }

    /** The council's state; {@code useSnapshots} false folds from the first event and stores nothing. */
    Optional<AuditState> council(String aggregateId, Instant asOf, LocalDate validAt, boolean useSnapshots) {
        List<AuditSnapshots.Stored> stored = useSnapshots ? snapshots.list(aggregateId) : List.of();
        Set<Long> snapshotted = stored.stream().map(AuditSnapshots.Stored::sequence).collect(Collectors.toSet());
        Optional<AuditSnapshots.Snapshot> start = useSnapshots
                ? snapshots.latest(aggregateId, stored, asOf) : Optional.empty();

        CouncilHistory history = start.map(s -> new CouncilHistory(s.state())).orElseGet(CouncilHistory::new);
        long version = start.map(AuditSnapshots.Snapshot::sequence).orElse(-1L);
        long folded = version + 1;
        Instant recordedThrough = start.map(AuditSnapshots.Snapshot::recordedThrough).orElse(Instant.EPOCH);
        // Snapshots are taken only while every event so far was recorded by asOf: then the fold covers 0..sequence.
        boolean wholePrefix = true;
        DomainEventStream stream = eventStore.readEvents(aggregateId, version + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(asOf)) {
                wholePrefix = false;
                continue;
            }
            history.apply(event.getPayload());
            version = event.getSequenceNumber();
            folded++;
            if (wholePrefix) {
                recordedThrough = recordedThrough.isAfter(event.getTimestamp()) ? recordedThrough
                        : event.getTimestamp();
                if (useSnapshots && (version + 1) % snapshotEvery == 0 && !snapshotted.contains(version)) {
                    snapshots.save(aggregateId, version, recordedThrough, history.state());
                }
            }
        }
        if (folded == 0) {
            return Optional.empty();
        }
        return Optional.of(new AuditState(aggregateId, CouncilHistory.AGGREGATE_TYPE, asOf, validAt, version, folded,
                history.validAt(validAt)));
    }

    private Optional<AuditState> eventList(String aggregateId, String type, Instant asOf, LocalDate validAt,
                                           boolean withMetadata) {
        List<LoggedEvent> recorded = events.ofAggregate(aggregateId, withMetadata).stream()
                .filter(e -> !Instant.parse(e.recordedAt()).isAfter(asOf))
                .toList();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditState(aggregateId, type, asOf, validAt,
                recorded.get(recorded.size() - 1).sequence(), recorded.size(), Map.of("events", recorded)));
    }
}
