package vn.hdnd.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folded council histories at multiples of {@code council.audit.snapshot-every} events: the table of
 * V31__audit_snapshots.sql. A snapshot is a cache of a fold over events {@code 0..sequence}, all recorded by
 * {@code recordedThrough}; it serves any {@code asOf} at or after that instant, and the answer is the same as
 * folding from the first event. A node reads a snapshot once and then keeps the fold in memory ({@link AuditFolds}).
 */
@Component
class AuditSnapshots {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcClient jdbc;
    /**
     * The sequence numbers of each aggregate's stored snapshots, as this node last listed or saved them, so that a
     * fold that passes one already stored does not serialise a large state only for the insert to be refused.
     */
    private final Map<String, Set<Long>> stored = new ConcurrentHashMap<>();

    AuditSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(long sequence, Instant recordedThrough) {
    }

    /** The aggregate's newest snapshot whose events were all recorded by {@code asOf}. */
    Optional<Stored> newest(String aggregateId, Instant asOf) {
        // recorded_through is an Instant.toString(), whose text does not sort as time does: compared here.
        List<Stored> all = jdbc.sql("""
                        SELECT sequence_number, recorded_through FROM audit_snapshot
                         WHERE aggregate_identifier = :id AND fold_version = :version
                         ORDER BY sequence_number DESC""")
                .param("id", aggregateId).param("version", CouncilHistory.FOLD_VERSION)
                .query((rs, n) -> new Stored(rs.getLong(1), Instant.parse(rs.getString(2))))
                .list();
        known(aggregateId).addAll(all.stream().map(Stored::sequence).toList());
        return all.stream()
                .filter(s -> !s.recordedThrough().isAfter(asOf))
                .findFirst();
    }

    private Set<Long> known(String aggregateId) {
        return stored.computeIfAbsent(aggregateId, id -> ConcurrentHashMap.newKeySet());
    }

    CouncilHistory.State state(String aggregateId, long sequence) {
        return read(jdbc.sql("""
                        SELECT state FROM audit_snapshot
                         WHERE aggregate_identifier = :id AND fold_version = :version AND sequence_number = :sequence""")
                .param("id", aggregateId).param("version", CouncilHistory.FOLD_VERSION).param("sequence", sequence)
                .query(byte[].class).single());
    }

    void save(String aggregateId, long sequence, Instant recordedThrough, CouncilHistory.State state) {
        if (!known(aggregateId).add(sequence)) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO audit_snapshot
                                (aggregate_identifier, sequence_number, fold_version, recorded_through, state)
                            VALUES (:id, :sequence, :version, :through, :state)""")
                    .param("id", aggregateId).param("sequence", sequence)
                    .param("version", CouncilHistory.FOLD_VERSION).param("through", recordedThrough.toString())
                    .param("state", write(state))
                    .update();
        } catch (DuplicateKeyException e) {
            // another request folded the same prefix a moment ago: the same state
        }
    }

    static byte[] write(CouncilHistory.State state) {
        try {
            return JSON.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CouncilHistory.State read(byte[] bytes) {
        try {
            return JSON.readValue(bytes, CouncilHistory.State.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
