package vn.hdnd.command.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The first answer to each {@code Idempotency-Key}, per user. Written in the same transaction as the command's
 * events, so either both are stored or neither is.
 */
@Component
class IdempotencyStore {
    record Stored(String fingerprint, int status, CommandResult result) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the key before the command runs, in one statement; false if it is taken. A concurrent request with the
     * same key waits on the primary key until the transaction that took it ends, then finds it taken (or, if that
     * transaction rolled back, takes it itself). A key taken in the same transaction, by a command sharing it, is
     * found taken at once.
     */
    boolean claim(String actor, String key, String fingerprint) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record
                            (actor, idempotency_key, fingerprint, status, result_id, version, position, recorded_at)
                        VALUES (:actor, :key, :fingerprint, 0, '', -1, -1, :at)
                        ON CONFLICT DO NOTHING""")
                .param("actor", actor)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("at", java.sql.Timestamp.from(Instant.now()))
                .update() == 1;
    }

    /**
     * What a taken key holds: the answer recorded with it, once the command that took it is completed (in a shared
     * transaction, commands are completed in order, so a later command reads it after the one that took it).
     */
    Stored stored(String actor, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, status, result_id, version, position, receipt_position
                          FROM idempotency_record WHERE actor = :actor AND idempotency_key = :key""")
                .param("actor", actor)
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getString("fingerprint"), rs.getInt("status"),
                        new CommandResult(rs.getString("result_id"), rs.getLong("version"), rs.getLong("position"),
                                rs.getObject("receipt_position", Long.class))))
                .single();
    }

    /** Records the answer to a claimed key, in the command's transaction. */
    void complete(String actor, String key, int status, CommandResult result) {
        jdbc.sql("""
                        UPDATE idempotency_record SET status = :status, result_id = :id, version = :version,
                               position = :position, receipt_position = :receiptPosition
                         WHERE actor = :actor AND idempotency_key = :key""")
                .param("status", status)
                .param("id", result.id())
                .param("version", result.version())
                .param("position", result.position())
                .param("receiptPosition", result.receiptPosition(), java.sql.Types.BIGINT)
                .param("actor", actor)
                .param("key", key)
                .update();
    }
}
