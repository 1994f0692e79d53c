package vn.hdnd.query.audit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.events.council.Tier;
import vn.hdnd.server.support.PostgresTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots stored in PostgreSQL and folds kept in memory change no answer: every state equals the fold from the
 * council's first event, whether it started from a snapshot, from memory, or from nothing. The histories are
 * appended straight to the event store with chosen recorded times; snapshots are taken every 4 events. (In the
 * package of the code under test, outside the server's, hence the configuration named here.)
 */
@PostgresTest
class AuditSnapshotsTest {
    private static final int EVERY = 4;
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2008-07-31"), LocalDate.parse("2021-05-31"),
            LocalDate.parse("2021-06-02"), LocalDate.parse("2021-06-16"), LocalDate.parse("2021-06-25"),
            LocalDate.parse("2021-07-01"), LocalDate.parse("2022-01-01"));

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void snapshotsAndFoldsInMemoryChangeNoAnswerWhateverWasAskedBefore() {
        List<Instant> recorded = history("vn-sn1");
        List<Instant> instants = instants(recorded);
        AuditStates warm = states(new AuditSnapshots(jdbc));
        for (List<Instant> order : List.of(instants, reversed(instants), instants)) {
            for (Instant asOf : order) {
                for (LocalDate validAt : DATES) {
                    AuditStates.AuditState reference = warm.council("vn-sn1", asOf, validAt, false).orElse(null);
                    // A node that has just started: only the stored snapshots.
                    assertThat(states(new AuditSnapshots(jdbc)).council("vn-sn1", asOf, validAt, true).orElse(null))
                            .as("new node, asOf %s, valid at %s", asOf, validAt).isEqualTo(reference);
                    // A node that answered everything before.
                    assertThat(warm.council("vn-sn1", asOf, validAt, true).orElse(null))
                            .as("warm node, asOf %s, valid at %s", asOf, validAt).isEqualTo(reference);
                }
            }
        }
        // Every multiple of 4 events whose events were all recorded by some asOf asked: 0..3, 0..7 and 0..11.
        assertThat(snapshots("vn-sn1")).containsExactly(3L, 7L, 11L);
    }

    @Test
    void anAsOfBetweenSnapshotsStartsFromTheEarlierOneAndAnAsOfBeforeTheFirstFromTheFirstEvent() {
        List<Instant> recorded = history("vn-sn2");
        states(new AuditSnapshots(jdbc)).council("vn-sn2", recorded.get(3), DATES.get(0), true);
        states(new AuditSnapshots(jdbc)).council("vn-sn2", recorded.get(7), DATES.get(0), true);
        states(new AuditSnapshots(jdbc)).council("vn-sn2", recorded.get(11), DATES.get(0), true);
        assertThat(snapshots("vn-sn2")).containsExactly(3L, 7L, 11L);

        // 8 June: after the snapshot of events 0..7 (all recorded by 7 June), before that of 0..11 (21 June).
        Instant between = Instant.parse("2021-06-08T00:00:00Z");
        CountingSnapshots stored = new CountingSnapshots(jdbc);
        AuditStates node = states(stored);
        AuditStates.AuditState state = node.council("vn-sn2", between, LocalDate.parse("2021-06-02"), true)
                .orElseThrow();
        assertThat(stored.read).containsExactly(7L);
        assertThat(state).isEqualTo(node.council("vn-sn2", between, LocalDate.parse("2021-06-02"), false).get());
        assertThat(delegates(state)).containsExactly("d1", "d2", "d3", "d4");
        assertThat(state.version()).isEqualTo(7);
        assertThat(state.events()).isEqualTo(8);
        // Asked again, and for any date: from memory, the snapshot is not read again.
        for (LocalDate validAt : DATES) {
            assertThat(node.council("vn-sn2", between, validAt, true))
                    .isEqualTo(node.council("vn-sn2", between, validAt, false));
        }
        assertThat(stored.read).containsExactly(7L);

        // 26 May: before the first snapshot's events were all recorded (28 May): from the first event.
        Instant beforeFirst = Instant.parse("2021-05-26T00:00:00Z");
        CountingSnapshots none = new CountingSnapshots(jdbc);
        AuditStates early = states(none);
        AuditStates.AuditState first = early.council("vn-sn2", beforeFirst, LocalDate.parse("2021-06-02"), true)
                .orElseThrow();
        assertThat(none.read).isEmpty();
        assertThat(first).isEqualTo(early.council("vn-sn2", beforeFirst, LocalDate.parse("2021-06-02"), false).get());
        assertThat(delegates(first)).containsExactly("d1");
        assertThat(first.events()).isEqualTo(3);
        assertThat(early.council("vn-sn2", Instant.parse("2021-05-01T00:00:00Z"), LocalDate.parse("2021-06-02"),
                true)).isEmpty();
    }

    @Test
    void aRetroactiveSeatRecordedAfterASnapshotAppearsOnlyInStatesAsOfItsRecording() {
        List<Instant> recorded = history("vn-sn3");
        states(new AuditSnapshots(jdbc)).council("vn-sn3", recorded.get(7), DATES.get(0), true);
        assertThat(snapshots("vn-sn3")).containsExactly(7L);

        // d5 was seated from 1 June, but the record learned of it on 10 June, after the snapshot of events 0..7.
        LocalDate june2 = LocalDate.parse("2021-06-02");
        for (String asOf : List.of("2021-06-09T00:00:00Z", "2021-06-11T00:00:00Z", "2021-06-09T00:00:00Z")) {
            CountingSnapshots stored = new CountingSnapshots(jdbc);
            AuditStates node = states(stored);
            AuditStates.AuditState state = node.council("vn-sn3", Instant.parse(asOf), june2, true).orElseThrow();
            assertThat(stored.read).as(asOf).containsExactly(7L);
            assertThat(state).isEqualTo(node.council("vn-sn3", Instant.parse(asOf), june2, false).get());
            if (asOf.startsWith("2021-06-09")) {
                assertThat(delegates(state)).as(asOf).containsExactly("d1", "d2", "d3", "d4");
            } else {
                assertThat(delegates(state)).as(asOf).containsExactly("d1", "d2", "d3", "d4", "d5");
            }
        }
    }

    @Test
    void eventsAppendedAfterTheNewestFoldAreFoldedOnTopOfIt() {
        List<Instant> recorded = history("vn-sn4");
        AuditStates node = states(new AuditSnapshots(jdbc));
        Instant future = Instant.parse("2100-01-01T00:00:00Z");
        LocalDate validAt = LocalDate.parse("2021-07-01");
        assertThat(node.council("vn-sn4", future, validAt, true).orElseThrow().events()).isEqualTo(recorded.size());

        append("vn-sn4", recorded.size(), "2021-07-01T02:00:00Z", seat("vn-sn4", "d8", "2021-06-30", false));
        AuditStates.AuditState state = node.council("vn-sn4", future, validAt, true).orElseThrow();
        assertThat(state).isEqualTo(node.council("vn-sn4", future, validAt, false).get());
        assertThat(state.events()).isEqualTo(recorded.size() + 1);
        assertThat(delegates(state)).contains("d8");
    }

    /**
     * Fourteen events: seats, a retroactive seat (d5), an office, mandate ends, and two events whose recorded times
     * run backwards (seq 9 and 10: two command nodes' clocks). Returns the recorded instants by sequence number.
     */
    private List<Instant> history(String id) {
        List<Instant> recorded = new ArrayList<>();
        Object[][] events = {
                {"2021-05-20T02:00:00Z", new CouncilEstablished(id, "HĐND tỉnh " + id, Tier.PROVINCE, null,
                        LocalDate.parse("2008-08-01"))},
                {"2021-05-23T02:00:00Z", new TermOpened(id, "2021-2026", 50, LocalDate.parse("2021-05-23"))},
                {"2021-05-25T02:00:00Z", seat(id, "d1", "2021-05-25", false)},
                {"2021-05-28T02:00:00Z", seat(id, "d2", "2021-06-01", false)},
                {"2021-06-03T02:00:00Z", seat(id, "d3", "2021-06-01", false)},
                {"2021-06-04T02:00:00Z", new OfficeAssigned(id, id + "-d3", Office.CHAIR, null, true,
                        LocalDate.parse("2021-06-25"), "NQ 01")},
                {"2021-06-06T02:00:00Z", new MandateEnded(id, id + "-d2", MandateEndReason.RESIGNED,
                        LocalDate.parse("2021-07-01"), "Đơn xin thôi")},
                {"2021-06-07T02:00:00Z", seat(id, "d4", "2021-06-01", true)},
                {"2021-06-10T02:00:00Z", seat(id, "d5", "2021-06-01", false)},
                {"2021-06-20T02:00:00Z", seat(id, "d6", "2021-06-15", false)},
                {"2021-06-15T02:00:00Z", seat(id, "d7", "2021-06-15", false)},
                {"2021-06-21T02:00:00Z", new MandateEnded(id, id + "-d1", MandateEndReason.TRANSFERRED,
                        LocalDate.parse("2021-06-16"), "QĐ 7")},
                {"2021-06-22T02:00:00Z", new OfficeAssigned(id, id + "-d4", Office.VICE_CHAIR, null, false,
                        LocalDate.parse("2021-06-25"), "NQ 02")},
                {"2021-06-23T02:00:00Z", new MandateEnded(id, id + "-d6", MandateEndReason.RESIGNED,
                        LocalDate.parse("2022-01-01"), "Đơn xin thôi")}};
        for (Object[] event : events) {
            append(id, recorded.size(), (String) event[0], event[1]);
            recorded.add(Instant.parse((String) event[0]));
        }
        return recorded;
    }

    private void append(String id, long sequence, String recordedAt, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Council", id, sequence, event, Map.of(),
                UUID.randomUUID().toString(), Instant.parse(recordedAt)));
    }

    private static DelegateSeated seat(String council, String delegate, String seatedOn, boolean fullTime) {
        return new DelegateSeated(council, council + "-" + delegate, "Nguyễn Thị " + delegate, fullTime, "Số 1",
                "2021-2026", LocalDate.parse(seatedOn));
    }

    /** Before, at, just before and a minute after every recorded instant, and long after. */
    private static List<Instant> instants(List<Instant> recorded) {
        List<Instant> instants = new ArrayList<>();
        instants.add(Instant.parse("2021-01-01T00:00:00Z"));
        for (Instant at : recorded) {
            instants.add(at.minusNanos(1));
            instants.add(at);
            instants.add(at.plusSeconds(60));
        }
        instants.add(Instant.parse("2100-01-01T00:00:00Z"));
        return instants;
    }

    private static List<Instant> reversed(List<Instant> instants) {
        List<Instant> reversed = new ArrayList<>(instants);
        Collections.reverse(reversed);
        return reversed;
    }

    /** A node's audit states: its own memory, the stored snapshots, a snapshot every 4 events. */
    private AuditStates states(AuditSnapshots snapshots) {
        return new AuditStates(eventStore, snapshots, new AuditFolds(100_000), null, jdbc, EVERY);
    }

    private List<Long> snapshots(String id) {
        return jdbc.sql("""
                        SELECT sequence_number FROM audit_snapshot WHERE aggregate_identifier = :id
                         ORDER BY sequence_number""")
                .param("id", id).query(Long.class).list();
    }

    private static List<String> delegates(AuditStates.AuditState state) {
        return ((CouncilHistory.CouncilAsOf) state.state()).delegates().stream()
                .map(d -> d.id().substring(d.id().lastIndexOf('-') + 1)).toList();
    }

    /** The stored snapshots, remembering which ones were read. */
    static final class CountingSnapshots extends AuditSnapshots {
        final List<Long> read = new ArrayList<>();

        CountingSnapshots(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        CouncilHistory.State state(String aggregateId, long sequence) {
            read.add(sequence);
            return super.state(aggregateId, sequence);
        }
    }
}
