package vn.hdnd.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;

/**
 * An aggregate's state rebuilt from the events recorded up to an instant ({@code asOf}, recorded time), as valid on a
 * date ({@code validAt}, valid time). Councils are folded into {@link CouncilHistory}; other aggregates answer the
 * list of their events recorded by then. Council folds start from the newest fold whose events were all recorded by
 * {@code asOf} (kept in memory by {@link AuditFolds}, else a snapshot stored by {@link AuditSnapshots}), fold the
 * events after it, and keep the longer fold for the next request; the answer is the same as folding from the first
 * event, because events are never changed or removed.
 */
@Component
class AuditStates {
    private final EventStore eventStore;
    private final AuditSnapshots snapshots;
    private final AuditFolds folds;
    private final LedgerEvents events;
    private final JdbcClient jdbc;
    private final int snapshotEvery;
    private final ToLongFunction<String> lastSequence;
    private final ToLongBiFunction<String, Instant> lastRecordedBy;

    @Autowired
    AuditStates(EventStore eventStore, AuditSnapshots snapshots, AuditFolds folds, LedgerEvents events,
                JdbcClient jdbc, @Value("${council.audit.snapshot-every:100}") int snapshotEvery) {
        this(eventStore, snapshots, folds, events, jdbc, snapshotEvery, new LastSequences(id -> jdbc.sql("""
                        SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?""")
                .param(id).query(Long.class).optional().orElse(-1L))::of, (id, asOf) -> lastRecordedBy(jdbc, id, asOf));
    }

    /**
     * @param lastSequence   the sequence number of an aggregate's last event in the event store, or -1
     * @param lastRecordedBy the sequence number of its last event recorded by an instant, or -1
     */
    AuditStates(EventStore eventStore, AuditSnapshots snapshots, AuditFolds folds, LedgerEvents events,
                JdbcClient jdbc, int snapshotEvery, ToLongFunction<String> lastSequence,
                ToLongBiFunction<String, Instant> lastRecordedBy) {
        this.lastSequence = lastSequence;
        this.lastRecordedBy = lastRecordedBy;
        this.eventStore = eventStore;
        this.snapshots = snapshots;
        this.folds = folds;
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
        // A fold in memory is a council's: no need to ask the event store what the aggregate is.
        if (folds.holds(aggregateId)) {
            return council(aggregateId, asOf, validAt, true);
        }
        Optional<String> type = jdbc.sql("""
                        SELECT type FROM domain_event_entry WHERE aggregate_identifier = :id
                         ORDER BY sequence_number LIMIT 1""")
                .param("id", aggregateId).query(String.class).optional();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return CouncilHistory.AGGREGATE_TYPE.equals(type.get())
                ? council(aggregateId, asOf, validAt, true)
                : eventList(aggregateId, type.get(), asOf, validAt, withMetadata);
    }

    /**
     * The council's state: the newest fold (in memory, else a stored snapshot) whose events were all recorded by
     * {@code asOf}, then the events after it that were recorded by {@code asOf}. {@code cached} false folds from the
     * first event to the last, and neither reads nor stores a fold: the reference the cached answers must equal.
     */
    Optional<AuditState> council(String aggregateId, Instant asOf, LocalDate validAt, boolean cached) {
        AuditFolds.Fold start = cached ? folds.newest(aggregateId, asOf).orElse(null) : null;
        // Most requests find no event after the fold they start from: one short query says so (Axon's read is a
        // transaction, a query and a commit: two round trips; and concurrent requests share it, LastSequences),
        // and the fold has the answer.
        if (start != null && lastSequence.applyAsLong(aggregateId) <= start.sequence()) {
            return Optional.of(new AuditState(aggregateId, CouncilHistory.AGGREGATE_TYPE, asOf, validAt,
                    start.sequence(), start.sequence() + 1, start.validAt(validAt)));
        }
        if (cached) {
            start = nearerSnapshot(aggregateId, asOf, start);
        }
        // Events after the last one recorded by asOf are all later than asOf: the read stops there, instead of
        // reading (and skipping) the rest of a long history to learn that. By recorded time, not by sequence:
        // timestamps come from the clocks of the nodes that appended, so their order is not assumed.
        long through = cached ? lastRecordedBy.applyAsLong(aggregateId, asOf) : Long.MAX_VALUE;
        if (start != null && through <= start.sequence()) {
            return Optional.of(new AuditState(aggregateId, CouncilHistory.AGGREGATE_TYPE, asOf, validAt,
                    start.sequence(), start.sequence() + 1, start.validAt(validAt)));
        }
        CouncilHistory history = start == null ? new CouncilHistory() : new CouncilHistory(start.state());
        long version = start == null ? -1 : start.sequence();
        long folded = version + 1;

        // While every event so far was recorded by asOf, the fold covers events 0..version: a fold that serves any
        // asOf at or after recordedThrough. That prefix is what is kept in memory, and its newest multiple of
        // snapshotEvery events is stored (one snapshot per request at most, so a long first fold does not write
        // a snapshot for every hundred events).
        boolean wholePrefix = true;
        Instant recordedThrough = start == null ? Instant.EPOCH : start.recordedThrough();
        AuditFolds.Fold prefix = start;
        AuditFolds.Fold toSnapshot = null;
        DomainEventStream stream = eventStore.readEvents(aggregateId, version + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() > through) {
                break;
            }
            if (event.getTimestamp().isAfter(asOf)) {
                if (wholePrefix && cached && version > (prefix == null ? -1 : prefix.sequence())) {
                    prefix = new AuditFolds.Fold(version, recordedThrough, history.state());
                }
                wholePrefix = false;
                continue;
            }
            history.apply(event.getPayload());
            version = event.getSequenceNumber();
            folded++;
            if (wholePrefix) {
                recordedThrough = recordedThrough.isAfter(event.getTimestamp()) ? recordedThrough
                        : event.getTimestamp();
                if (cached && snapshotEvery > 0 && (version + 1) % snapshotEvery == 0) {
                    toSnapshot = new AuditFolds.Fold(version, recordedThrough, history.state());
                }
            }
        }
        if (folded == 0) {
            return Optional.empty();
        }
        if (cached) {
            if (wholePrefix && version > (prefix == null ? -1 : prefix.sequence())) {
                prefix = toSnapshot != null && toSnapshot.sequence() == version ? toSnapshot
                        : new AuditFolds.Fold(version, recordedThrough, history.state());
            }
            if (prefix != null && prefix != start) {
                folds.put(aggregateId, prefix);
            }
            if (toSnapshot != null) {
                snapshots.save(aggregateId, toSnapshot.sequence(), toSnapshot.recordedThrough(), toSnapshot.state());
            }
        }
        return Optional.of(new AuditState(aggregateId, CouncilHistory.AGGREGATE_TYPE, asOf, validAt, version, folded,
                history.validAt(validAt)));
    }

    /**
     * The sequence number of the aggregate's last event recorded by {@code asOf}, or -1. Axon stores an event's
     * timestamp as fixed-width UTC text with milliseconds ({@link DateTimeUtils#formatInstant}), which sorts as time
     * does; {@code asOf} is compared in the same form, so the query and the fold's own comparison of the parsed
     * timestamps agree on every event.
     */
    private static long lastRecordedBy(JdbcClient jdbc, String aggregateId, Instant asOf) {
        return jdbc.sql("""
                        SELECT MAX(sequence_number) FROM domain_event_entry
                         WHERE aggregate_identifier = :id AND time_stamp <= :asOf""")
                .param("id", aggregateId).param("asOf", DateTimeUtils.formatInstant(asOf))
                .query(Long.class).optional().orElse(-1L);
    }

    /**
     * The stored snapshot whose events were all recorded by {@code asOf}, if it is more than {@code snapshotEvery}
     * events newer than the fold in memory (or there is none): reading one snapshot costs about as much as folding
     * that many events, and an early {@code asOf} in a long history may find only old folds in memory.
     */
    private AuditFolds.Fold nearerSnapshot(String aggregateId, Instant asOf, AuditFolds.Fold inMemory) {
        if (snapshotEvery <= 0) {
            return inMemory;
        }
        long from = inMemory == null ? -1 : inMemory.sequence();
        return snapshots.newest(aggregateId, asOf)
                .filter(stored -> stored.sequence() - from > snapshotEvery || inMemory == null)
                .map(stored -> {
                    AuditFolds.Fold fold = new AuditFolds.Fold(stored.sequence(), stored.recordedThrough(),
                            snapshots.state(aggregateId, stored.sequence()));
                    folds.put(aggregateId, fold);
                    return fold;
                }).orElse(inMemory);
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
