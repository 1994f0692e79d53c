package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

import javax.sql.DataSource;
import vn.hdnd.command.dispatch.StreamPositions;
import vn.hdnd.events.EventMetadata;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Axon without Axon Server: the JDBC event store on the application's database (snake_case tables owned by Flyway),
 * Jackson everywhere with a mapper of its own (so REST settings never change the stored format), duplicate keys as
 * concurrency conflicts, and event handlers whose errors stop and retry instead of skipping an event.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {
    /** Events the event store keeps for the processors that follow the head of the log (Axon's default). */
    static final int SHARED_EVENTS = 10_000;
    /** The views' gap timeout and max gap offset: Axon's defaults (see {@link #ledgerEventSource} for the ledger's). */
    private static final int VIEW_GAP_TIMEOUT_MILLIS = 60_000;
    private static final int VIEW_MAX_GAP_OFFSET = 10_000;

    /** The stored event format. Changing it changes history's bytes: add an event revision instead. */
    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static Serializer jackson() {
        return ClassCachingSerializer.lenient(storageMapper());
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    /**
     * Axon's JDBC engine on our snake_case schema; declared here because a custom event store turns off Axon's.
     * {@code council.event-store.batch-size} (default 1000, Axon's is 100) is how many events one query fetches, for
     * a processor reading the log and for an aggregate's history: a rebuild reads the whole log, and each fetch is a
     * transaction of its own, so 100 per fetch cost three round trips per 100 events.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, org.axonframework.config.Configuration configuration,
                                          @Value("${council.event-store.batch-size:1000}") int batchSize) {
        return engine(serializer, eventSerializer, persistenceExceptionResolver, connectionProvider,
                transactionManager, eventSchema, configuration, batchSize, VIEW_GAP_TIMEOUT_MILLIS,
                VIEW_MAX_GAP_OFFSET);
    }

    private static EventStorageEngine engine(
            Serializer serializer, Serializer eventSerializer, PersistenceExceptionResolver exceptionResolver,
            ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema,
            org.axonframework.config.Configuration configuration, int batchSize, int gapTimeoutMillis,
            int maxGapOffset) {
        return new JdbcStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(exceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), gapTimeoutMillis, maxGapOffset);
    }

    /**
     * The event store, polling the log every {@code council.event-store.fetch-delay-ms} (default 100 ms) when idle: a
     * query-only node has nothing but polling (Axon's default of 1 s would be its projection lag). In the process that
     * appends, the reader is woken at each commit ({@link CommittedEventStore}).
     */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${council.event-store.fetch-delay-ms:100}") long fetchDelayMillis,
                                  @Value("${council.event-store.cleanup-delay-ms:1000}") long cleanupDelayMillis,
                                  @Value("${council.event-store.read-interval-ms:100}") long readIntervalMillis) {
        return new CommittedEventStore(committedStore(storageEngine, fetchDelayMillis, cleanupDelayMillis,
                readIntervalMillis)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /**
     * The settings both event stores share. Axon's store reads the log once for all processors that follow its head
     * and keeps the last {@value #SHARED_EVENTS} events it read in a list they share. Two things kept far more alive
     * during a bulk append (a million events filled a 1 GiB heap): the shared read ended only when it found nothing
     * new, and held everything it read until then ({@link BoundedProducerReads} ends it every {@value #SHARED_EVENTS}
     * events); and a processor that stops reading (its batches full) holds everything read after its place until
     * Axon's cleaner moves it to a stream of its own, every 10 s by default and every
     * {@code council.event-store.cleanup-delay-ms} (default 1 s) here. The shared reader starts a read at most every
     * {@code council.event-store.read-interval-ms} (default 100 ms), so that a read under load takes several
     * commits' events at once ({@link BoundedProducerReads}), and each projection handles them in one transaction:
     * 50 ms against 10 took 15% less processor time per command, of the server and of PostgreSQL, for 20 ms more
     * projection lag; 100 ms against 50 another 5 to 10%, for 15 to 20 ms more (bench/README.md).
     */
    static EmbeddedEventStore.Builder committedStore(EventStorageEngine storageEngine, long fetchDelayMillis,
                                                     long cleanupDelayMillis, long readIntervalMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(new BoundedProducerReads(storageEngine, SHARED_EVENTS,
                        Duration.ofMillis(readIntervalMillis)))
                .cachedEvents(SHARED_EVENTS)
                .fetchDelay(fetchDelayMillis)
                .cleanupDelay(cleanupDelayMillis)
                .timeUnit(TimeUnit.MILLISECONDS);
    }

    /**
     * The log as the ledger processor reads it (application.yml: {@code axon.eventhandling.processors.ledger.source}):
     * the same table through an engine of its own whose gaps last longer. A global index is taken when an event is
     * inserted but seen when its transaction commits; a reader keeps the missing index as a gap and comes back for it,
     * but Axon forgets a gap once the events read after it are older than the gap timeout (default 60 s, by the
     * reader's clock against the writer's event timestamp) or lie more than the max gap offset (default 10,000
     * events) beyond it. An event committed after that is never delivered: a projection would miss a row, the ledger
     * an event it must log. The ledger gets {@code council.ledger.gap-timeout} (default 10 minutes) and
     * {@code council.ledger.max-gap-offset} (default 1,000,000); the views keep Axon's defaults, since every gap a
     * token holds is re-queried on each fetch. What still slips through is counted by {@code LedgerCompleteness}.
     */
    @Bean(destroyMethod = "shutDown")
    LedgerEventSource ledgerEventSource(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                        PersistenceExceptionResolver persistenceExceptionResolver,
                                        ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                        EventSchema eventSchema, org.axonframework.config.Configuration configuration,
                                        @Value("${council.event-store.batch-size:1000}") int batchSize,
                                        @Value("${council.ledger.gap-timeout:10m}") Duration gapTimeout,
                                        @Value("${council.ledger.max-gap-offset:1000000}") int maxGapOffset,
                                        @Value("${council.event-store.fetch-delay-ms:100}") long fetchDelayMillis,
                                        @Value("${council.event-store.cleanup-delay-ms:1000}") long cleanupDelayMillis,
                                        @Value("${council.event-store.read-interval-ms:100}") long readIntervalMillis) {
        EventStorageEngine engine = engine(serializer, eventSerializer, persistenceExceptionResolver,
                connectionProvider, transactionManager, eventSchema, configuration, batchSize,
                Math.toIntExact(gapTimeout.toMillis()), maxGapOffset);
        return new LedgerEventSource(new CommittedEventStore(
                committedStore(engine, fetchDelayMillis, cleanupDelayMillis, readIntervalMillis)));
    }

    /** Finds each command's target aggregate, for every aggregate ({@link RecordCommandTargets}). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new RecordCommandTargets();
    }

    /**
     * The aggregates' cache ({@code @Aggregate(cache = "aggregateCache")}): up to {@code council.aggregate-cache.size}
     * aggregates (default 5,000) kept between commands, each handed out only while its version is the last one stored
     * for it ({@link AggregateCache}).
     */
    @Bean
    AggregateCache aggregateCache(EventStorageEngine storageEngine,
                                  @Value("${council.aggregate-cache.size:5000}") int size) {
        // The head read with the command's lock when there is one (StreamPositions), else the storage engine's.
        return new AggregateCache(id -> StreamPositions.head(id, () -> storageEngine.lastSequenceNumberFor(id)), size);
    }

    /**
     * The aggregate cache's size ({@code council.aggregate.cache.size}) and its loads by outcome
     * ({@code council.aggregate.cache.loads}, tag {@code outcome}: hit, miss, stale), to size the cache by.
     */
    @Bean
    MeterBinder aggregateCacheMetrics(AggregateCache cache) {
        return registry -> {
            Gauge.builder("council.aggregate.cache.size", cache, AggregateCache::size)
                    .description("aggregates held between commands").register(registry);
            for (AggregateCache.Outcome outcome : AggregateCache.Outcome.values()) {
                FunctionCounter.builder("council.aggregate.cache.loads", cache, c -> c.loads(outcome))
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .description("aggregate loads: found in the cache, absent, or behind or ahead of the log")
                        .register(registry);
            }
        };
    }

    /**
     * Axon's default wraps connections so that a unit of work commits its connection when it commits: that would
     * commit a command's events before the dispatcher's transaction stores the idempotency record (or before the
     * second aggregate of a two-aggregate command is written). Plain Spring-managed connections leave the commit to
     * the one transaction that encloses the whole command, and to the processor's transaction per batch.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505 in a plain PSQLException, which Axon's
     * default resolver misses (AxonFramework#1368). Seen as a duplicate, it becomes a ConcurrencyException and the
     * command is retried.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        JdbcSQLErrorCodesResolver fallback = new JdbcSQLErrorCodesResolver();
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return fallback.isDuplicateKeyViolation(exception);
        };
    }

    /** The correlation and trace ids (Axon's default, which a custom provider would otherwise replace). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return fromCommands(new MessageOriginProvider());
    }

    /** Actor, reason and command id travel from the command's metadata to every event it causes. */
    @Bean
    CorrelationDataProvider auditMetadata() {
        return fromCommands(new SimpleCorrelationDataProvider(
                EventMetadata.ACTOR, EventMetadata.REASON, EventMetadata.COMMAND_ID));
    }

    /**
     * Correlation data is taken from commands only: here only commands cause messages (the events they apply), and
     * no event handler sends one. Axon still asks the providers for every event a processor handles, to stamp the
     * result message it makes of the handler's return value; that read each event's metadata (a JSON parse) for
     * nothing, a third of the ledger's time when it replays the log.
     */
    static CorrelationDataProvider fromCommands(CorrelationDataProvider provider) {
        return message -> message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }

    /**
     * The pooled processors. A failing projection handler must never skip an event: the error propagates, the
     * processor's batch rolls back (tokens and rows share the transaction) and is retried with back-off, visible in the
     * admin endpoint. Each coordinator looks again soon when its work packages' queues are full
     * ({@link PromptCoordinatorExecutor}).
     */
    @Bean
    ConfigurerModule pooledProcessors(@Value("${council.processors.max-claimed-segments:0}") int maxClaimedSegments) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> {
                    builder.coordinatorExecutor(name -> {
                        PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor(name);
                        config.onShutdown(executor::shutdown);
                        return executor;
                    });
                    if (maxClaimedSegments > 0) {
                        // With several query nodes, each claims at most this many segments so that all of them work.
                        builder.maxClaimedSegments(maxClaimedSegments);
                    }
                    return builder;
                });
    }
}
