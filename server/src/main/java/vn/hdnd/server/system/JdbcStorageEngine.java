package vn.hdnd.server.system;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import vn.hdnd.command.dispatch.DeferredAppends;
import vn.hdnd.command.dispatch.StreamPositions;
import vn.hdnd.events.StoredTimestamps;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC engine, reading each stored timestamp once (and an aggregate's events in a short first window, see
 * {@link #readEventData(String, long)}). Axon keeps an event's timestamp as text and parses it with a
 * {@code DateTimeFormatter} every time it is asked, twice for every event a processor reads (once for its gap check,
 * once for the message): a fifth to a third of a processor's time when it rebuilds. Rows are read here into entries
 * that parse their timestamp once, on a fast path for the one format Axon writes ({@link #parse}).
 * <p>
 * {@link #getTrackedEventData} repeats Axon 4.13's own (the parse happens inside it): the tracking token advances
 * over the new global index, and gaps are kept only behind events younger than the gap timeout.
 * <p>
 * Its appends return the global index each event gets ({@link #appendReturningPositions}), and in a transaction that
 * allows it wait to be written with the other commands' ({@link DeferredAppends}); its reads of a stream write them
 * first.
 */
final class JdbcStorageEngine extends JdbcEventStorageEngine {
    /** Events in the first window of an aggregate's read (see {@link #readEventData(String, long)}). */
    private static final int FIRST_WINDOW = 100;
    /** The most events appended in one statement, a row each. */
    private static final int MAX_ROWS = 1_000;

    /** Axon's default lowest global index, from which a first token counts gaps. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final int gapTimeoutMillis;
    private final int maxGapOffset;

    /** The gap settings go to Axon's builder and are kept here too: Axon's engine keeps its own private. */
    JdbcStorageEngine(Builder builder, int gapTimeoutMillis, int maxGapOffset) {
        super(builder.gapTimeout(gapTimeoutMillis).maxGapOffset(maxGapOffset)
                .appendEvents(JdbcStorageEngine::appendReturningPositions));
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.maxGapOffset = maxGapOffset;
    }

    /**
     * Axon's append as one statement, its rows in one {@code VALUES} list (Axon's runs one statement per event),
     * returning the global index each row gets, which is recorded for the command's answer ({@link StreamPositions}).
     * A shared transaction appends its commands' events together ({@link DeferredAppends}): one statement for the batch
     * costs PostgreSQL less than one per event. The columns and values are Axon's. Axon executes the statement as a
     * batch (of one) and closes it; the keys are read as it executes.
     */
    static PreparedStatement appendReturningPositions(Connection connection, EventSchema schema, Class<?> dataType,
                                                      List<? extends EventMessage<?>> events, Serializer serializer,
                                                      TimestampWriter timestampWriter) throws SQLException {
        // Beyond that many rows (PostgreSQL takes at most 65,535 parameters), a row per statement, as Axon's.
        boolean together = events.size() <= MAX_ROWS;
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                        + schema.domainEventFields() + ") VALUES "
                        + String.join(",", Collections.nCopies(together ? events.size() : 1, "(?,?,?,?,?,?,?,?,?)")),
                new String[]{schema.globalIndexColumn(), schema.eventIdentifierColumn()});
        int column = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(++column, event.getIdentifier());
            statement.setString(++column, event.getAggregateIdentifier());
            statement.setLong(++column, event.getSequenceNumber());
            statement.setString(++column, event.getType());
            timestampWriter.writeTimestamp(statement, ++column, event.getTimestamp());
            statement.setString(++column, payload.getType().getName());
            statement.setString(++column, payload.getType().getRevision());
            statement.setObject(++column, payload.getData());
            statement.setObject(++column, metaData.getData());
            if (!together) {
                statement.addBatch();
                column = 0;
            }
        }
        if (together) {
            statement.addBatch();
        }
        return proxy(PreparedStatement.class, (method, args) -> {
            Object result = method.invoke(statement, args);
            if (method.getName().equals("executeBatch")) {
                recordPositions(events, statement.getGeneratedKeys());
            }
            return result;
        });
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!DeferredAppends.defer(events, later -> super.appendEvents(later, serializer))) {
            super.appendEvents(events, serializer);
            return;
        }
        events.forEach(event -> appended(event, StreamPositions.NOT_WRITTEN));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        DeferredAppends.write();
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }

    /** Each event's global index, found by its identifier among the keys the statement returned. */
    private static void recordPositions(List<? extends EventMessage<?>> events, ResultSet keys) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (keys) {
            while (keys.next()) {
                positions.put(keys.getString(2), keys.getLong(1));
            }
        }
        for (EventMessage<?> event : events) {
            Long position = positions.get(event.getIdentifier());
            if (position != null) {
                appended(event, position);
            }
        }
    }

    /** Records an aggregate's event as appended at {@code position} ({@link StreamPositions}). */
    private static void appended(EventMessage<?> event, long position) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            StreamPositions.appended(domain.getAggregateIdentifier(), domain.getSequenceNumber(), position);
        }
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    /** A proxy of {@code type} whose calls go to {@code call}, throwing what the target threw. */
    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet rs, GapAwareTrackingToken previous)
            throws SQLException {
        long globalIndex = rs.getLong(schema().globalIndexColumn());
        Entry<?> event = entry(rs);
        boolean allowGaps = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(gapTimeoutMillis, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previous == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previous.advanceTo(globalIndex, allowGaps ? maxGapOffset : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet rs) throws SQLException {
        return entry(rs);
    }

    /**
     * An aggregate's events from a sequence number, as Axon reads them (windows of sequence numbers, until a window
     * comes back empty), except that the first window holds {@value #FIRST_WINDOW} events instead of the batch size
     * (1,000, for the processors). An audit fold starts from a snapshot (one every 100 events) and stops at the last
     * event recorded by its instant: with a first window of 1,000 it fetched ten times the rows it used.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        DeferredAppends.write();
        return inBatches(last -> last == null
                        ? fetchDomainEvents(aggregateId, firstSequenceNumber, Math.min(FIRST_WINDOW, batchSize()))
                        : fetchDomainEvents(aggregateId, last.getSequenceNumber() + 1, batchSize()),
                List::isEmpty);
    }

    /**
     * The log from a token. A read that may block, which only an event store's shared reader makes, ends at the first
     * batch shorter than the batch size; Axon's read goes on until a batch comes back empty. The shared reader reads
     * again at once after a read that found events, so each of its reads ended in two empty fetches (each a
     * transaction, with a second query looking for events beyond a hole in the global index): under a steady load of
     * commands, most of the log's reads. A short batch can also come from holes in the window of global indexes it
     * asks for; the reader then simply reads again from where it stopped.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        return inBatches(last -> fetchTrackedEvents(last == null ? trackingToken : last.trackingToken(), batchSize()),
                batch -> batch.size() < batchSize());
    }

    /**
     * The events of successive fetches: {@code fetchAfter} gets the last event fetched so far (null at first), and
     * {@code isLast} tells from a batch whether another fetch follows it.
     */
    private static <T> Stream<T> inBatches(Function<T, List<? extends T>> fetchAfter,
                                           Predicate<List<? extends T>> isLast) {
        Iterator<T> events = new Iterator<>() {
            private T last;
            private Iterator<? extends T> batch = Collections.emptyIterator();
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && !ended) {
                    List<? extends T> fetched = fetchAfter.apply(last);
                    ended = isLast.test(fetched);
                    if (!fetched.isEmpty()) {
                        last = fetched.get(fetched.size() - 1);
                    }
                    batch = fetched.iterator();
                }
                return batch.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED), false);
    }

    private Entry<?> entry(ResultSet rs) throws SQLException {
        EventSchema schema = schema();
        String aggregateId = rs.getString(schema.aggregateIdentifierColumn());
        String eventId = rs.getString(schema.eventIdentifierColumn());
        return new Entry<>(rs.getString(schema.typeColumn()),
                // Axon stores an event that has no aggregate under its own id as aggregate id.
                eventId.equals(aggregateId) ? null : aggregateId,
                rs.getLong(schema.sequenceNumberColumn()), eventId,
                rs.getString(schema.timestampColumn()),
                rs.getString(schema.payloadTypeColumn()), rs.getString(schema.payloadRevisionColumn()),
                readPayload(rs, schema.payloadColumn()), readPayload(rs, schema.metaDataColumn()));
    }

    private static final class Entry<T> extends GenericDomainEventEntry<T> {
        private final Instant timestamp;

        Entry(String type, String aggregateId, long sequence, String eventId, String timestamp, String payloadType,
              String payloadRevision, T payload, T metaData) {
            super(type, aggregateId, sequence, eventId, timestamp, payloadType, payloadRevision, payload, metaData);
            this.timestamp = parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /** The instant a stored timestamp names: Axon's form read field by field, any other by Axon's parser. */
    static Instant parse(String text) {
        Instant instant = StoredTimestamps.parseAxonForm(text);
        return instant != null ? instant : DateTimeUtils.parseInstant(text);
    }
}
