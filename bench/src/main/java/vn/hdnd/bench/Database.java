package vn.hdnd.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The PostgreSQL side of a run: a fresh database, the raw-insert baseline on an event-shaped table, and synthetic
 * events appended in bulk for the rebuild and as-of scenarios.
 */
final class Database {
    private final String adminUrl;
    private final String user;
    private final String password;
    final String name;
    final String url;

    Database(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = "council_bench_" + System.currentTimeMillis();
        this.url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true";
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    void create() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    void drop() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("bench: could not drop " + name + ": " + e.getMessage());
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String serverVersion() throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The physical limit the record is compared with: one single-row INSERT transaction per operation, into a table
     * shaped like the event store (bytea payload, BIGSERIAL index, unique (aggregate, sequence)), with plain JDBC,
     * at the same concurrency.
     */
    Stats baseline(int clients, Duration duration) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE bench_baseline_event (
                        global_index BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        payload_type VARCHAR(255) NOT NULL, payload BYTEA NOT NULL, meta_data BYTEA,
                        time_stamp VARCHAR(255) NOT NULL, UNIQUE (aggregate_identifier, sequence_number))""");
        }
        Connection[] connections = new Connection[clients];
        PreparedStatement[] inserts = new PreparedStatement[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = connect();
            inserts[i] = connections[i].prepareStatement("""
                    INSERT INTO bench_baseline_event (aggregate_identifier, sequence_number, event_identifier,
                        payload_type, payload, meta_data, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        }
        byte[] payload = ("{\"councilId\":\"vn-b1\",\"delegateId\":\"vn-b1-d1\",\"fullName\":\"Nguyễn Văn An\","
                + "\"fullTime\":false,\"constituency\":\"Đơn vị bầu cử số 1\",\"term\":\"2021-2026\","
                + "\"seatedOn\":\"2021-06-01\"}").getBytes(StandardCharsets.UTF_8);
        byte[] meta = "{\"actor\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        try {
            return LoadDriver.run("baseline", clients, duration, (client, i) -> {
                PreparedStatement insert = inserts[client];
                insert.setString(1, "baseline-" + client);
                insert.setLong(2, i);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, "vn.hdnd.events.council.DelegateSeated");
                insert.setBytes(5, payload);
                insert.setBytes(6, meta);
                insert.setString(7, Instant.now().toString());
                insert.executeUpdate();
                return "ok";
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            // The server's migrations expect an empty schema.
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_baseline_event");
            }
        }
    }

    /**
     * Appends valid council histories straight into the event store, as the command side would have written them:
     * councils of 1,000 delegates each, and one council whose history has {@code longHistory} events (delegates
     * seated and leaving one after another). Used to have a log of a million events in minutes.
     */
    long appendSyntheticHistory(long events, int longHistory, String longCouncilId) throws SQLException {
        long appended = 0;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, 'Council', ?, ?, ?, '1', ?, ?)""")) {
                Appender append = new Appender(insert, longCouncilId, longHistory);
                append.council(longCouncilId, 1);
                for (int i = 0; i < (longHistory - 2) / 2; i++) {
                    String delegate = longCouncilId + "-d" + i;
                    append.event(longCouncilId, "DelegateSeated", """
                            {"councilId":"%s","delegateId":"%s","fullName":"Đại biểu %d","fullTime":false,\
                            "constituency":"Đơn vị bầu cử số 1","term":"2021-2026","seatedOn":"%s"}"""
                            .formatted(longCouncilId, delegate, i, day(i)));
                    append.event(longCouncilId, "MandateEnded", """
                            {"councilId":"%s","delegateId":"%s","reason":"TRANSFERRED","effectiveOn":"%s",\
                            "basis":"Quyết định %d"}""".formatted(longCouncilId, delegate, day(i + 1), i));
                }
                for (int n = 0; append.count < events; n++) {
                    String council = "vn-bulk-" + n;
                    append.council(council, 1000);
                    for (int d = 0; d < 1000 && append.count < events; d++) {
                        append.event(council, "DelegateSeated", """
                                {"councilId":"%s","delegateId":"%s-d%d","fullName":"Đại biểu %d","fullTime":%s,\
                                "constituency":"Đơn vị bầu cử số %d","term":"2021-2026","seatedOn":"2021-06-01"}"""
                                .formatted(council, council, d, d, d % 10 == 0, d % 20));
                    }
                    if (n % 50 == 0) {
                        System.out.printf("bench: appended %,d of %,d synthetic events%n", append.count, events);
                    }
                }
                append.flush();
                appended = append.count;
            }
            c.commit();
        }
        return appended;
    }

    private static String day(int i) {
        return java.time.LocalDate.of(2021, 6, 1).plusDays(i / 10).toString();
    }

    /** Batches inserts and keeps each aggregate's sequence numbers. */
    private static final class Appender {
        private final PreparedStatement insert;
        private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();
        private final byte[] meta = "{\"actor\":\"bench\",\"commandId\":\"synthetic\"}".getBytes(StandardCharsets.UTF_8);
        /** Axon's JDBC engine writes timestamps as this (DateTimeUtils.formatInstant): always milliseconds. */
        private static final DateTimeFormatter RECORDED =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        private final String longCouncilId;
        private final int longHistory;
        private final Instant startedAt = Instant.now();
        long count;
        private int pending;

        Appender(PreparedStatement insert, String longCouncilId, int longHistory) {
            this.insert = insert;
            this.longCouncilId = longCouncilId;
            this.longHistory = longHistory;
        }

        void council(String id, int seats) throws SQLException {
            event(id, "CouncilEstablished", """
                    {"councilId":"%s","name":"HĐND %s","tier":"PROVINCE","parentId":null,"establishedOn":"2008-08-01"}"""
                    .formatted(id, id));
            event(id, "TermOpened", """
                    {"councilId":"%s","term":"2021-2026","seats":%d,"startsOn":"2021-05-23"}""".formatted(id, seats));
        }

        void event(String aggregate, String type, String json) throws SQLException {
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            insert.setString(1, aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, meta);
            insert.setBytes(5, json.getBytes(StandardCharsets.UTF_8));
            insert.setString(6, "vn.hdnd.events.council." + type);
            insert.setString(7, recordedAt(aggregate, sequence));
            insert.addBatch();
            count++;
            if (++pending == 2000) {
                flush();
            }
        }

        /**
         * When the event was recorded, in Axon's own format (fixed width, so that the text sorts as time does). The
         * long council's history is spread one minute per event up to now, as a history recorded over days would
         * be, so that an as-of question at a random instant lands in the middle of it; the bulk councils are now.
         */
        private String recordedAt(String aggregate, long sequence) {
            Instant at = aggregate.equals(longCouncilId)
                    ? startedAt.minus(Duration.ofMinutes(longHistory - sequence)) : Instant.now();
            return RECORDED.format(at);
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                insert.getConnection().commit();
                pending = 0;
            }
        }
    }
}
