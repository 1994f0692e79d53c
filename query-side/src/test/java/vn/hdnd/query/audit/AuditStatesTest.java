package vn.hdnd.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;
import vn.hdnd.events.council.TermEnded;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.events.council.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A council's state rebuilt as of a recorded instant and a valid date, with and without snapshots. */
class AuditStatesTest {
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final AuditStates states = new AuditStates(store, null, new AuditFolds(100_000), null, null, 0,
            id -> store.lastSequenceNumberFor(id).orElse(-1L),
                (id, asOf) -> store.readEvents(id).asStream().filter(e -> !e.getTimestamp().isAfter(asOf))
                        .mapToLong(DomainEventMessage::getSequenceNumber).max().orElse(-1L));
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void aDelegateSeatedOnTheFirstOfJuneButRecordedOnTheTenthIsKnownOnlyFromTheTenth() {
        record("2021-05-20T02:00:00Z", new CouncilEstablished("vn-q1", "HĐND tỉnh Q1", Tier.PROVINCE, null,
                LocalDate.parse("2008-08-01")));
        record("2021-05-23T02:00:00Z", new TermOpened("vn-q1", "2021-2026", 50, LocalDate.parse("2021-05-23")));
        record("2021-05-25T02:00:00Z", seated("vn-q1-d1", "2021-05-25", false));
        record("2021-06-10T02:00:00Z", seated("vn-q1-d2", "2021-06-01", false));

        assertThat(delegates("2021-06-05T00:00:00Z", "2021-06-02")).containsExactly("vn-q1-d1");
        assertThat(delegates("2021-06-11T00:00:00Z", "2021-06-02")).containsExactly("vn-q1-d1", "vn-q1-d2");
        assertThat(delegates("2021-06-11T00:00:00Z", "2021-05-31")).containsExactly("vn-q1-d1");
        assertThat(states.council("vn-q1", Instant.parse("2021-05-01T00:00:00Z"), LocalDate.parse("2021-06-02"),
                false)).isEmpty();
    }

    @Test
    void foldingFromASnapshotAnswersExactlyAsFoldingFromTheFirstEvent() {
        List<Object> history = history();
        LocalDate[] dates = {LocalDate.parse("2008-07-31"), LocalDate.parse("2021-05-22"),
                LocalDate.parse("2021-06-01"), LocalDate.parse("2021-06-25"), LocalDate.parse("2021-09-30"),
                LocalDate.parse("2022-01-01"), LocalDate.parse("2023-01-01"), LocalDate.parse("2025-07-01")};
        for (int cut = 0; cut <= history.size(); cut++) {
            CouncilHistory straight = new CouncilHistory();
            history.forEach(straight::apply);
            CouncilHistory resumed = new CouncilHistory();
            history.subList(0, cut).forEach(resumed::apply);
            // A snapshot is the fold's state as JSON, read back as a new fold.
            resumed = new CouncilHistory(AuditSnapshots.read(AuditSnapshots.write(resumed.state())));
            history.subList(cut, history.size()).forEach(resumed::apply);
            for (LocalDate date : dates) {
                assertThat(resumed.validAt(date)).as("cut at %d, valid at %s", cut, date)
                        .isEqualTo(straight.validAt(date));
            }
        }
    }

    @Test
    void officesMandateEndsTermsAndDissolutionHoldForTheirValidDates() {
        CouncilHistory fold = new CouncilHistory();
        history().forEach(fold::apply);

        CouncilHistory.CouncilAsOf june = fold.validAt(LocalDate.parse("2021-06-30"));
        assertThat(june.status()).isEqualTo("ACTIVE");
        assertThat(june.term()).isEqualTo("2021-2026");
        assertThat(june.delegates()).extracting(CouncilHistory.Delegate::id)
                .containsExactly("vn-q2-d1", "vn-q2-d2", "vn-q2-d3");
        assertThat(june.offices()).extracting(CouncilHistory.OfficeHolder::office)
                .containsExactly("CHAIR", "COMMITTEE_HEAD", "VICE_CHAIR");
        assertThat(june.leadershipComplete()).isTrue();
        assertThat(june.fullTimeDelegates()).isEqualTo(2);

        CouncilHistory.CouncilAsOf later = fold.validAt(LocalDate.parse("2022-01-01"));
        assertThat(later.delegates()).extracting(CouncilHistory.Delegate::id).containsExactly("vn-q2-d1", "vn-q2-d3");
        assertThat(later.leadershipComplete()).as("the vice-chair resigned").isFalse();

        CouncilHistory.CouncilAsOf dissolved = fold.validAt(LocalDate.parse("2025-07-01"));
        assertThat(dissolved.status()).isEqualTo("DISSOLVED");
        assertThat(dissolved.successorIds()).containsExactly("vn-q9");
        assertThat(dissolved.delegates()).isEmpty();
        assertThat(dissolved.term()).isNull();
        assertThat(fold.validAt(LocalDate.parse("2008-07-31")).status()).isEqualTo("NOT_ESTABLISHED");
    }

    @Test
    void aMandateEndClosesTheDelegatesOpenMandateAndASecondSeatOpensAnother() {
        List<Object> events = List.of(
                new CouncilEstablished("vn-q3", "HĐND huyện Q3", Tier.DISTRICT, null, LocalDate.parse("2008-08-01")),
                new TermOpened("vn-q3", "2021-2026", 35, LocalDate.parse("2021-05-23")),
                new DelegateSeated("vn-q3", "vn-q3-d1", "Vũ Văn Dũng", false, "Số 1", "2021-2026",
                        LocalDate.parse("2021-06-01")),
                new DelegateSeated("vn-q3", "vn-q3-d2", "Lý Thị Em", false, "Số 2", "2021-2026",
                        LocalDate.parse("2021-06-01")),
                new MandateEnded("vn-q3", "vn-q3-d1", MandateEndReason.TRANSFERRED, LocalDate.parse("2021-07-01"),
                        "QĐ 3"),
                new DelegateSeated("vn-q3", "vn-q3-d1", "Vũ Văn Dũng", false, "Số 1", "2021-2026",
                        LocalDate.parse("2021-09-01")),
                new OfficeAssigned("vn-q3", "vn-q3-d1", Office.CHAIR, null, true, LocalDate.parse("2021-09-15"),
                        "NQ 9"),
                new MandateEnded("vn-q3", "vn-q3-d1", MandateEndReason.RESIGNED, LocalDate.parse("2022-01-01"),
                        "Đơn"));
        // Straight, and resumed after every cut (the index of open mandates is rebuilt from the state).
        for (int cut = 0; cut <= events.size(); cut++) {
            CouncilHistory fold = new CouncilHistory();
            events.subList(0, cut).forEach(fold::apply);
            CouncilHistory resumed = new CouncilHistory(fold.state());
            events.subList(cut, events.size()).forEach(resumed::apply);
            assertThat(ids(resumed.validAt(LocalDate.parse("2021-06-15")))).as("cut %d", cut)
                    .containsExactly("vn-q3-d1", "vn-q3-d2");
            assertThat(ids(resumed.validAt(LocalDate.parse("2021-08-01")))).as("cut %d", cut)
                    .containsExactly("vn-q3-d2");
            CouncilHistory.CouncilAsOf autumn = resumed.validAt(LocalDate.parse("2021-10-01"));
            assertThat(ids(autumn)).as("cut %d", cut).containsExactly("vn-q3-d1", "vn-q3-d2");
            // The full-time office changed the second mandate, not the first (ended) one.
            assertThat(autumn.delegates().get(0).fullTime()).as("cut %d", cut).isTrue();
            assertThat(autumn.delegates().get(0).seatedOn()).isEqualTo(LocalDate.parse("2021-09-01"));
            assertThat(resumed.state().mandates().get(0).fullTimeFrom()).as("cut %d", cut).isNull();
            assertThat(ids(resumed.validAt(LocalDate.parse("2022-01-01")))).as("cut %d", cut)
                    .containsExactly("vn-q3-d2");
        }
    }

    private static List<String> ids(CouncilHistory.CouncilAsOf council) {
        return council.delegates().stream().map(CouncilHistory.Delegate::id).toList();
    }

    /** A council's life: seats, offices (one full-time), a committee, a resignation, the term's end, dissolution. */
    private static List<Object> history() {
        return List.of(
                new CouncilEstablished("vn-q2", "HĐND huyện Q2", Tier.DISTRICT, "vn-q", LocalDate.parse("2008-08-01")),
                new TermOpened("vn-q2", "2021-2026", 35, LocalDate.parse("2021-05-23")),
                new DelegateSeated("vn-q2", "vn-q2-d1", "Nguyễn Văn An", false, "Số 1", "2021-2026",
                        LocalDate.parse("2021-06-01")),
                new DelegateSeated("vn-q2", "vn-q2-d2", "Phạm Thị Bình", true, "Số 2", "2021-2026",
                        LocalDate.parse("2021-06-01")),
                new DelegateSeated("vn-q2", "vn-q2-d3", "Đỗ Minh Châu", false, "Số 3", "2021-2026",
                        LocalDate.parse("2021-06-01")),
                new CommitteeFormed("vn-q2", "vn-q2-phap-che", "Ban Pháp chế", LocalDate.parse("2021-06-25")),
                new OfficeAssigned("vn-q2", "vn-q2-d1", Office.CHAIR, null, true, LocalDate.parse("2021-06-25"),
                        "NQ 01"),
                new OfficeAssigned("vn-q2", "vn-q2-d2", Office.VICE_CHAIR, null, false,
                        LocalDate.parse("2021-06-25"), "NQ 02"),
                new OfficeAssigned("vn-q2", "vn-q2-d3", Office.COMMITTEE_HEAD, "vn-q2-phap-che", false,
                        LocalDate.parse("2021-06-25"), "NQ 03"),
                new OfficeVacated("vn-q2", "vn-q2-d2", Office.VICE_CHAIR, null, LocalDate.parse("2021-10-01"),
                        "Đơn xin thôi"),
                new MandateEnded("vn-q2", "vn-q2-d2", MandateEndReason.RESIGNED, LocalDate.parse("2021-10-01"),
                        "Đơn xin thôi"),
                new OfficeVacated("vn-q2", "vn-q2-d1", Office.CHAIR, null, LocalDate.parse("2025-06-30"), "Giải thể"),
                new OfficeVacated("vn-q2", "vn-q2-d3", Office.COMMITTEE_HEAD, "vn-q2-phap-che",
                        LocalDate.parse("2025-06-30"), "Giải thể"),
                new MandateEnded("vn-q2", "vn-q2-d1", MandateEndReason.COUNCIL_DISSOLVED,
                        LocalDate.parse("2025-06-30"), "Giải thể"),
                new MandateEnded("vn-q2", "vn-q2-d3", MandateEndReason.COUNCIL_DISSOLVED,
                        LocalDate.parse("2025-06-30"), "Giải thể"),
                new TermEnded("vn-q2", "2021-2026", LocalDate.parse("2025-06-30")),
                new CouncilDissolved("vn-q2", LocalDate.parse("2025-06-30"), List.of("vn-q9"), "NQ 1656"));
    }

    private static DelegateSeated seated(String id, String seatedOn, boolean fullTime) {
        return new DelegateSeated("vn-q1", id, "Hoàng Thị " + id, fullTime, "Số 1", "2021-2026",
                LocalDate.parse(seatedOn));
    }

    private void record(String recordedAt, Object event) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Council", "vn-q1", events.size(), event,
                Map.of(), UUID.randomUUID().toString(), Instant.parse(recordedAt));
        events.add(message);
        storage.appendEvents(List.of(message));
    }

    private List<String> delegates(String asOf, String validAt) {
        return states.council("vn-q1", Instant.parse(asOf), LocalDate.parse(validAt), false).orElseThrow()
                .state() instanceof CouncilHistory.CouncilAsOf council
                ? council.delegates().stream().map(CouncilHistory.Delegate::id).toList()
                : List.of();
    }
}
