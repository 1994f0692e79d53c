package vn.hdnd.query.audit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.events.council.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folds kept in memory change no answer: whatever was asked before, in whatever order, and whatever was appended
 * since, a council's state equals the fold from its first event. Also the cache's bounds.
 */
class AuditFoldsTest {
    private static final String COUNCIL = "vn-f1";
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2008-07-31"), LocalDate.parse("2021-05-31"),
            LocalDate.parse("2021-06-01"), LocalDate.parse("2021-06-02"), LocalDate.parse("2021-06-25"),
            LocalDate.parse("2021-07-01"), LocalDate.parse("2022-01-01"));

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final List<Instant> recorded = new ArrayList<>();

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void answersFromFoldsInMemoryEqualTheFoldFromTheFirstEventInAnyOrderOfQuestions() {
        history();
        List<Instant> instants = instants();
        List<List<Instant>> orders = new ArrayList<>();
        orders.add(instants);
        orders.add(reversed(instants));
        for (long seed = 1; seed <= 3; seed++) {
            List<Instant> shuffled = new ArrayList<>(instants);
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(shuffled);
        }
        for (List<Instant> order : orders) {
            AuditStates cached = states(new AuditFolds(100_000));
            // Each question twice: the second time the fold the first one kept is there.
            for (int pass = 0; pass < 2; pass++) {
                for (Instant asOf : order) {
                    for (LocalDate validAt : DATES) {
                        assertThat(cached.council(COUNCIL, asOf, validAt, true))
                                .as("asOf %s, valid at %s, pass %d", asOf, validAt, pass)
                                .isEqualTo(cached.council(COUNCIL, asOf, validAt, false));
                    }
                }
            }
        }
    }

    @Test
    void eventsAppendedAfterAFoldWasKeptAreFoldedOnTop() {
        AuditStates cached = states(new AuditFolds(100_000));
        record("2021-05-20T02:00:00Z", new CouncilEstablished(COUNCIL, "HĐND tỉnh F1", Tier.PROVINCE, null,
                LocalDate.parse("2008-08-01")));
        record("2021-05-23T02:00:00Z", new TermOpened(COUNCIL, "2021-2026", 50, LocalDate.parse("2021-05-23")));
        record("2021-05-25T02:00:00Z", seated("d1", "2021-05-25", false));
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(delegates(cached, later, "2021-06-02")).containsExactly("d1");

        // Recorded on 10 June, valid from 1 June: after the fold of the first three events was kept.
        record("2021-06-10T02:00:00Z", seated("d2", "2021-06-01", false));
        assertThat(delegates(cached, later, "2021-06-02")).containsExactly("d1", "d2");
        assertThat(delegates(cached, Instant.parse("2021-06-05T00:00:00Z"), "2021-06-02")).containsExactly("d1");
        assertThat(delegates(cached, Instant.parse("2021-06-11T00:00:00Z"), "2021-06-02"))
                .containsExactly("d1", "d2");
        record("2021-06-12T02:00:00Z", new MandateEnded(COUNCIL, "d1", MandateEndReason.RESIGNED,
                LocalDate.parse("2021-06-02"), "Đơn"));
        assertThat(delegates(cached, later, "2021-06-02")).containsExactly("d2");
        assertThat(cached.council(COUNCIL, later, LocalDate.parse("2021-06-02"), true).orElseThrow().events())
                .isEqualTo(5);
        for (Instant asOf : instants()) {
            for (LocalDate validAt : DATES) {
                assertThat(cached.council(COUNCIL, asOf, validAt, true)).as("asOf %s, valid at %s", asOf, validAt)
                        .isEqualTo(cached.council(COUNCIL, asOf, validAt, false));
            }
        }
    }

    @Test
    void aFoldServesOnlyInstantsAtOrAfterTheRecordingOfAllItsEvents() {
        AuditFolds folds = new AuditFolds(100_000);
        Instant first = Instant.parse("2021-06-01T00:00:00Z");
        Instant second = Instant.parse("2021-06-10T00:00:00Z");
        folds.put(COUNCIL, new AuditFolds.Fold(3, first, state(2)));
        folds.put(COUNCIL, new AuditFolds.Fold(9, second, state(5)));

        assertThat(folds.newest(COUNCIL, first.minusNanos(1))).isEmpty();
        assertThat(folds.newest(COUNCIL, first)).map(AuditFolds.Fold::sequence).contains(3L);
        assertThat(folds.newest(COUNCIL, second.minusNanos(1))).map(AuditFolds.Fold::sequence).contains(3L);
        assertThat(folds.newest(COUNCIL, second)).map(AuditFolds.Fold::sequence).contains(9L);
        assertThat(folds.newest("vn-other", second)).isEmpty();
        assertThat(folds.holds(COUNCIL)).isTrue();
        assertThat(folds.holds("vn-other")).isFalse();
    }

    @Test
    void theCacheKeepsWithinItsFactsAndFoldsPerAggregateDroppingTheLeastRecentlyUsed() {
        // Each fold below weighs 11: the council plus ten mandates.
        AuditFolds folds = new AuditFolds(33);
        Instant at = Instant.parse("2021-06-01T00:00:00Z");
        folds.put("vn-a", new AuditFolds.Fold(1, at, state(10)));
        folds.put("vn-b", new AuditFolds.Fold(1, at, state(10)));
        folds.put("vn-c", new AuditFolds.Fold(1, at, state(10)));
        assertThat(folds.newest("vn-a", at)).isPresent(); // vn-b is now the least recently used
        folds.put("vn-d", new AuditFolds.Fold(1, at, state(10)));
        assertThat(folds.holds("vn-a")).isTrue();
        assertThat(folds.holds("vn-b")).isFalse();
        assertThat(folds.holds("vn-c")).isTrue();
        assertThat(folds.holds("vn-d")).isTrue();

        AuditFolds perAggregate = new AuditFolds(100_000);
        for (int i = 0; i < AuditFolds.PER_AGGREGATE; i++) {
            perAggregate.put("vn-a", new AuditFolds.Fold(i, at.plusSeconds(i), state(1)));
        }
        assertThat(perAggregate.newest("vn-a", at)).map(AuditFolds.Fold::sequence).contains(0L);
        perAggregate.put("vn-a", new AuditFolds.Fold(AuditFolds.PER_AGGREGATE,
                at.plusSeconds(AuditFolds.PER_AGGREGATE), state(1)));
        // Fold 1 was used least recently (fold 0 was asked for after the others were put): it went.
        assertThat(perAggregate.newest("vn-a", at.plusSeconds(1))).map(AuditFolds.Fold::sequence).contains(0L);
        assertThat(perAggregate.newest("vn-a", at.plusSeconds(AuditFolds.PER_AGGREGATE)))
                .map(AuditFolds.Fold::sequence).contains((long) AuditFolds.PER_AGGREGATE);

        AuditFolds none = new AuditFolds(0);
        none.put("vn-a", new AuditFolds.Fold(1, at, state(1)));
        assertThat(none.holds("vn-a")).isFalse();
    }

    /**
     * Seats, a retroactive seat, an office, mandate ends, and two events whose recorded times run backwards (two
     * command nodes' clocks): the fold must not take "recorded by asOf" to mean "every event before it too".
     */
    private void history() {
        record("2021-05-20T02:00:00Z", new CouncilEstablished(COUNCIL, "HĐND tỉnh F1", Tier.PROVINCE, null,
                LocalDate.parse("2008-08-01")));
        record("2021-05-23T02:00:00Z", new TermOpened(COUNCIL, "2021-2026", 50, LocalDate.parse("2021-05-23")));
        record("2021-05-25T02:00:00Z", seated("d1", "2021-05-25", false));
        record("2021-05-28T02:00:00Z", seated("d2", "2021-06-01", true));
        record("2021-06-03T02:00:00Z", seated("d3", "2021-06-01", false));
        record("2021-06-10T02:00:00Z", seated("d4", "2021-06-01", false)); // retroactive
        record("2021-06-12T02:00:00Z", new OfficeAssigned(COUNCIL, "d3", Office.CHAIR, null, true,
                LocalDate.parse("2021-06-25"), "NQ 01"));
        record("2021-06-20T02:00:00Z", new MandateEnded(COUNCIL, "d2", MandateEndReason.RESIGNED,
                LocalDate.parse("2021-07-01"), "Đơn"));
        record("2021-06-15T02:00:00Z", seated("d5", "2021-06-15", false)); // recorded "before" the previous event
        record("2021-06-21T02:00:00Z", new MandateEnded(COUNCIL, "d1", MandateEndReason.TRANSFERRED,
                LocalDate.parse("2021-06-02"), "QĐ 7"));
        record("2021-06-21T02:00:00Z", seated("d1", "2021-06-25", false)); // the same delegate seated again
        record("2021-06-22T02:00:00Z", new MandateEnded(COUNCIL, "d1", MandateEndReason.RESIGNED,
                LocalDate.parse("2022-01-01"), "Đơn"));
    }

    /** Before, at, just after and just before every recorded instant, and long after. */
    private List<Instant> instants() {
        List<Instant> instants = new ArrayList<>();
        instants.add(Instant.parse("2021-01-01T00:00:00Z"));
        for (Instant at : recorded) {
            instants.add(at.minusNanos(1));
            instants.add(at);
            instants.add(at.plusSeconds(60));
        }
        instants.add(Instant.parse("2030-01-01T00:00:00Z"));
        return instants;
    }

    private static List<Instant> reversed(List<Instant> instants) {
        List<Instant> reversed = new ArrayList<>(instants);
        Collections.reverse(reversed);
        return reversed;
    }

    private AuditStates states(AuditFolds folds) {
        return new AuditStates(store, null, folds, null, null, 0, id -> store.lastSequenceNumberFor(id).orElse(-1L),
                (id, asOf) -> store.readEvents(id).asStream().filter(e -> !e.getTimestamp().isAfter(asOf))
                        .mapToLong(DomainEventMessage::getSequenceNumber).max().orElse(-1L));
    }

    private static CouncilHistory.State state(int mandates) {
        CouncilHistory fold = new CouncilHistory();
        fold.apply(new CouncilEstablished(COUNCIL, "HĐND", Tier.PROVINCE, null, LocalDate.parse("2008-08-01")));
        for (int i = 0; i < mandates; i++) {
            fold.apply(seated("d" + i, "2021-06-01", false));
        }
        return fold.state();
    }

    private static DelegateSeated seated(String id, String seatedOn, boolean fullTime) {
        return new DelegateSeated(COUNCIL, id, "Trần Văn " + id, fullTime, "Số 1", "2021-2026",
                LocalDate.parse(seatedOn));
    }

    private void record(String recordedAt, Object event) {
        storage.appendEvents(List.of(new GenericDomainEventMessage<>("Council", COUNCIL, recorded.size(), event,
                Map.of(), UUID.randomUUID().toString(), Instant.parse(recordedAt))));
        recorded.add(Instant.parse(recordedAt));
    }

    private static List<String> delegates(AuditStates states, Instant asOf, String validAt) {
        return states.council(COUNCIL, asOf, LocalDate.parse(validAt), true).orElseThrow()
                .state() instanceof CouncilHistory.CouncilAsOf council
                ? council.delegates().stream().map(CouncilHistory.Delegate::id).toList()
                : List.of();
    }
}
