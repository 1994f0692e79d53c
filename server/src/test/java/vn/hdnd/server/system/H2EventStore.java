package vn.hdnd.server.system;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** An in-memory H2 database with the application's migrations, and Axon's JDBC engine configured as the server's. */
final class H2EventStore {
    private H2EventStore() {
    }

    static DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:events-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        return dataSource;
    }

    /** Axon's engine builder on {@code dataSource}, without the server's changes. */
    static JdbcEventStorageEngine.Builder axonEngine(DataSource dataSource) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .schema(new AxonConfiguration().eventSchema())
                .batchSize(1000);
    }
}
