package vn.hdnd.server.system;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's engine reads the log exactly as Axon's does (the same events, timestamps and tracking tokens, gaps
 * included), only parsing each stored timestamp once and faster.
 */
class JdbcStorageEngineTest {
    private static final Instant NOW = Instant.now();

    /** Other forms Axon's parser accepts go to it, and so does text it refuses. */
    @Test
    void leavesEveryOtherFormToAxonsParser() {
        for (String other : List.of("2026-11-26T05:03:00Z", "2026-11-26T12:03:00.123+07:00",
                "2026-11-26T05:03:00.123456789Z", "2026-11-26t05:03:00.123z", "+12026-11-26T05:03:00.123Z")) {
            assertThat(JdbcStorageEngine.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String malformed : List.of("2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-11-26T24:00:00.000Z", "2026-11-26T05:03:60.000Z", "2026-11-2xT05:03:00.000Z",
                "2026-11-26 05:03:00.000Z")) {
            assertThatThrownBy(() -> JdbcStorageEngine.parse(malformed)).as(malformed)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }

    /**
     * Gaps in the global index are kept behind young events and dropped behind events older than the gap timeout, or
     * further behind than the max gap offset: the server's engine must track them as Axon's does.
     */
    @Test
    void tracksTheLogAsAxonsEngineDoes() throws SQLException {
        DataSource database = H2EventStore.database();
        Instant old = NOW.minus(Duration.ofHours(2));
        insert(database, 2, "a", 0, NOW);            // gap 1 before the first event
        insert(database, 3, "a", 1, old);
        insert(database, 6, "a", 2, NOW);             // gaps 4 and 5 behind a young event
        insert(database, 7, "b", 0, old);
        insert(database, 9, "b", 1, NOW.minusSeconds(5));
        insert(database, 14, "b", 2, old);           // gaps behind an old event
        insert(database, 15, "b", 3, NOW);
        insertRaw(database, 30, "c", 0, "2026-11-26T12:03:00.123+07:00"); // a form only Axon's parser reads
        insert(database, 31, "c", 1, NOW);

        for (int maxGapOffset : new int[]{10_000, 3}) {
            EventStorageEngine axon = H2EventStore.axonEngine(database)
                    .gapTimeout(60_000).maxGapOffset(maxGapOffset).build();
            EventStorageEngine ours = new JdbcStorageEngine(H2EventStore.axonEngine(database), 60_000, maxGapOffset);
            for (TrackingToken from : new TrackingToken[]{null, GapAwareTrackingToken.newInstance(3, Set.of(1L)),
                    GapAwareTrackingToken.newInstance(9, Set.of(4L, 5L, 8L))}) {
                List<? extends TrackedEventMessage<?>> expected = axon.readEvents(from, false).toList();
                List<? extends TrackedEventMessage<?>> actual = ours.readEvents(from, false).toList();
                assertThat(actual).as("from %s, max gap offset %d", from, maxGapOffset).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    // Token equality ignores the gaps Axon may truncate; the gaps themselves must match.
                    var expectedToken = (GapAwareTrackingToken) expected.get(i).trackingToken();
                    var actualToken = (GapAwareTrackingToken) actual.get(i).trackingToken();
                    assertThat(actualToken.getIndex()).isEqualTo(expectedToken.getIndex());
                    assertThat(actualToken.getGaps()).isEqualTo(expectedToken.getGaps());
                    assertThat(actual.get(i).getIdentifier()).isEqualTo(expected.get(i).getIdentifier());
                    assertThat(actual.get(i).getTimestamp()).isEqualTo(expected.get(i).getTimestamp());
                    assertThat(actual.get(i).getPayload()).isEqualTo(expected.get(i).getPayload());
                    assertThat(actual.get(i).getMetaData()).isEqualTo(expected.get(i).getMetaData());
                }
            }
            List<Instant> expected = axon.readEvents("b").asStream().map(DomainEventMessage::getTimestamp).toList();
            assertThat(ours.readEvents("b").asStream().map(DomainEventMessage::getTimestamp).toList())
                    .isEqualTo(expected).hasSize(4);
        }
        // The log above does have gaps kept and dropped, or this test would prove little.
        JdbcEventStorageEngine axon = H2EventStore.axonEngine(database).gapTimeout(60_000).build();
        List<TrackingToken> tokens = axon.readEvents(null, false).map(TrackedEventMessage::trackingToken).toList();
        assertThat(((GapAwareTrackingToken) tokens.get(2)).getGaps()).containsExactly(4L, 5L);
        assertThat(((GapAwareTrackingToken) tokens.get(5)).getGaps()).isEmpty();
    }

    /**
     * The shared reader's read stops at the first batch shorter than the batch size (the end of the log, or a hole in
     * the global index); reading again from its last token goes on exactly where it stopped, so the reads together
     * deliver what Axon's one read does, with the same tokens.
     */
    @Test
    void theSharedReadersReadsStopAtAShortBatchAndTogetherDeliverTheLog() throws SQLException {
        DataSource database = H2EventStore.database();
        long[] indexes = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12}; // a hole at 8
        for (int i = 0; i < indexes.length; i++) {
            insert(database, indexes[i], "a", i, NOW);
        }
        TrackingToken start = GapAwareTrackingToken.newInstance(0, Set.of());
        List<? extends TrackedEventMessage<?>> log = H2EventStore.axonEngine(database).batchSize(3).build()
                .readEvents(start, false).toList();
        assertThat(log).hasSize(indexes.length);

        EventStorageEngine ours = new JdbcStorageEngine(H2EventStore.axonEngine(database).batchSize(3), 60_000,
                10_000);
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        List<Integer> reads = new ArrayList<>();
        TrackingToken from = start;
        for (List<? extends TrackedEventMessage<?>> next = ours.readEvents(from, true).toList(); !next.isEmpty();
             next = ours.readEvents(from, true).toList()) {
            reads.add(next.size());
            read.addAll(next);
            from = next.get(next.size() - 1).trackingToken();
        }
        // Windows of 3 global indexes: (0,3] and (3,6] are full, (6,9] misses 8 and ends the first read; the second
        // reads (9,12] (and the gap 8), full, then (12,15], empty.
        assertThat(reads).as("events per read").containsExactly(8, 3);
        assertThat(read).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(log.stream().map(TrackedEventMessage::getIdentifier).toList());
        for (int i = 0; i < log.size(); i++) {
            var expected = (GapAwareTrackingToken) log.get(i).trackingToken();
            var actual = (GapAwareTrackingToken) read.get(i).trackingToken();
            assertThat(actual.getIndex()).isEqualTo(expected.getIndex());
            assertThat(actual.getGaps()).isEqualTo(expected.getGaps());
        }
    }

    /** An aggregate's events, from any sequence number, read in windows of 100 and then of the batch size. */
    @Test
    void readsAnAggregateAsAxonsEngineDoes() throws SQLException {
        DataSource database = H2EventStore.database();
        int length = 2_345;
        for (int sequence = 0; sequence < length; sequence++) {
            insert(database, sequence + 1, "long", sequence, NOW.minusSeconds(length - sequence));
        }
        EventStorageEngine axon = H2EventStore.axonEngine(database).build();
        EventStorageEngine ours = new JdbcStorageEngine(H2EventStore.axonEngine(database), 60_000, 10_000);
        for (long from : new long[]{0, 1, 99, 100, 101, 1_099, 1_100, 1_234, 2_344, 2_345, 5_000}) {
            List<Long> expected = axon.readEvents("long", from).asStream()
                    .map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(expected).hasSize((int) Math.max(0, length - from));
            assertThat(ours.readEvents("long", from).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("from %d", from).isEqualTo(expected);
        }
        assertThat(ours.readEvents("no-such-aggregate", 0).hasNext()).isFalse();
    }

    private static void insert(DataSource database, long globalIndex, String aggregate, long sequence, Instant at)
            throws SQLException {
        insertRaw(database, globalIndex, aggregate, sequence, DateTimeUtils.formatInstant(at));
    }

    private static void insertRaw(DataSource database, long globalIndex, String aggregate, long sequence,
                                  String timestamp) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, ?, 'Test', ?, ?, ?, NULL, 'java.lang.String', ?)""")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, "{\"actor\":\"clerk\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, ("\"" + aggregate + sequence + "\"").getBytes(StandardCharsets.UTF_8));
            insert.setString(7, timestamp);
            insert.executeUpdate();
        }
    }
}
