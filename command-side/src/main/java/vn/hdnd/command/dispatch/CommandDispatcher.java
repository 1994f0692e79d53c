package vn.hdnd.command.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.events.EventMetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The one path every command takes: authorise, deduplicate by idempotency key, send to the aggregate in a
 * transaction together with the idempotency record (a transaction shared with other commands, {@link GroupCommit}),
 * retry a bounded number of times on a concurrent append, and
 * answer {@code {id, version, position}} or a Problem Details error. A refused command appends nothing.
 */
@Component
public class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    static final int MAX_ATTEMPTS = 6;

    /**
     * Where a command goes. {@code councilId} decides authorisation, {@code aggregateId} is the aggregate the command
     * targets, {@code resultId} is the id answered (the created delegate, committee…), {@code created} answers 201.
     * Commands with the same {@code queueKey} run one at a time (see {@link AggregateLocks}); it is the target
     * aggregate unless the command also writes to others, as a vote writes to its council's register.
     */
    public record Target(String councilId, String aggregateId, String resultId, boolean created, String queueKey) {
        public Target(String councilId, String aggregateId, String resultId, boolean created) {
            this(councilId, aggregateId, resultId, created, aggregateId);
        }

        public static Target council(String councilId) {
            return new Target(councilId, councilId, councilId, false);
        }

        public Target creating(String resultId) {
            return new Target(councilId, aggregateId, resultId, true, queueKey);
        }
    }

    private final CommandGateway commands;
    private final GroupCommit transactions;
    private final IdempotencyStore idempotency;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AggregateLocks locks;

    CommandDispatcher(CommandGateway commands, GroupCommit transactions, IdempotencyStore idempotency,
                      JdbcClient jdbc, ObjectMapper json, AggregateLocks locks) {
        this.commands = commands;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
        this.locks = locks;
    }

    /**
     * @param body    the request body, part of the idempotency fingerprint
     * @param reason  free text stored in the events' metadata with the actor
     * @param command builds the command from the {@code If-Match} version (null when absent)
     */
    public ResponseEntity<CommandResult> dispatch(CommandRequest request, Target target, Object body, String reason,
                                                  Function<Long, Object> command) {
        if (!CouncilScopes.mayCommand(request.user(), target.councilId())) {
            throw Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "you may not issue commands for council " + target.councilId());
        }
        String actor = request.user().getName();
        String fingerprint = request.idempotencyKey() == null ? null : fingerprint(request, body);
        HttpStatus status = target.created() ? HttpStatus.CREATED : HttpStatus.OK;
        for (int attempt = 1; ; attempt++) {
            try {
                AggregateLocks.Lock lock = new AggregateLocks.Lock(target.queueKey(), target.aggregateId());
                Answer answer = transactions.executeAndComplete(lock, tx -> {
                    if (request.idempotencyKey() != null
                            && !idempotency.claim(actor, request.idempotencyKey(), fingerprint)) {
                        // Read once the commands before it are completed: one of them may have taken the key.
                        return () -> replay(idempotency.stored(actor, request.idempotencyKey()), fingerprint);
                    }
                    locks.lock(target.queueKey(), target.aggregateId());
                    Object answered;
                    try {
                        answered = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                        command.apply(request.expectedVersion()))
                                .andMetaData(metadata(actor, reason, request.idempotencyKey())));
                    } catch (RuleViolation refused) {
                        if (request.idempotencyKey() != null) {
                            throw refused; // its key's claim is undone with the transaction
                        }
                        // Nothing of it was written (Axon appends a command's events when its unit of work
                        // commits), so the commands sharing the transaction are not written again for it.
                        return () -> new Answer(null, null, refused);
                    }
                    // Completed once the events of the commands sharing the transaction are written.
                    return () -> {
                        CommandResult result = lastEvent(target.aggregateId(), target.resultId(),
                                answered instanceof RecordedDecision decision ? decisionEvent(decision) : null);
                        if (request.idempotencyKey() != null) {
                            idempotency.complete(actor, request.idempotencyKey(), status.value(), result);
                        }
                        return new Answer(status, result, null);
                    };
                });
                if (answer.refused() != null) {
                    throw answer.refused();
                }
                return ResponseEntity.status(answer.status())
                        .eTag("\"" + answer.result().version() + "\"")
                        .body(answer.result());
            } catch (RuleViolation e) {
                throw Problems.ruleViolation(e.rule(), e.getMessage());
            } catch (AggregateNotFoundException e) {
                throw Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Unknown resource",
                        target.aggregateId() + " is not in the record");
            } catch (ConflictingAggregateVersionException e) {
                throw Problems.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "The record has moved on",
                        "If-Match expected version " + request.expectedVersion() + " but " + target.aggregateId()
                                + " has changed since; read it again");
            } catch (AggregateStreamCreationException e) {
                throw Problems.problem(HttpStatus.CONFLICT, "already-exists", "Already exists",
                        target.aggregateId() + " is already in the record");
            } catch (ConcurrencyException | DuplicateKeyException e) {
                // Another transaction appended to the same aggregate first (or took another unique key): retry on
                // fresh state; the unique (aggregate, sequence) key keeps the log consistent.
                if (attempt == MAX_ATTEMPTS) {
                    throw Problems.problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                            target.aggregateId() + " kept changing under this command; try again");
                }
                log.debug("Attempt {} on {} conflicted, retrying", attempt, target.aggregateId(), e);
                backOff(attempt);
            }
        }
    }

    /** A random pause that grows with the attempt, so that racing retries spread out instead of meeting again. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }

    /** A command's answer, or the rule that refused it. */
    private record Answer(HttpStatus status, CommandResult result, RuleViolation refused) {
    }

    private static Answer replay(IdempotencyStore.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request");
        }
        return new Answer(HttpStatus.valueOf(stored.status()), stored.result(), null);
    }

    private static MetaData metadata(String actor, String reason, String idempotencyKey) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(EventMetadata.ACTOR, actor);
        if (reason != null && !reason.isBlank()) {
            meta.put(EventMetadata.REASON, reason);
        }
        meta.put(EventMetadata.COMMAND_ID, idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        return MetaData.from(meta);
    }

    /**
     * The aggregate's last event: its sequence and global position, as the storage engine recorded them when this
     * transaction appended it, or else (a command that appended nothing to it) read in the transaction.
     */
    private CommandResult lastEvent(String aggregateId, String resultId, Long receiptPosition) {
        DeferredAppends.write();
        return StreamPositions.lastAppended(aggregateId)
                .map(last -> new CommandResult(resultId, last.sequenceNumber(), last.globalIndex(), receiptPosition))
                .orElseGet(() -> jdbc.sql("""
                                SELECT sequence_number, global_index FROM domain_event_entry
                                 WHERE aggregate_identifier = :id ORDER BY sequence_number DESC LIMIT 1""")
                        .param("id", aggregateId)
                        .query((rs, n) -> new CommandResult(resultId, rs.getLong(1), rs.getLong(2), receiptPosition))
                        .single());
    }

    /** The global position of the event holding a decision, read in the command's own transaction. */
    private long decisionEvent(RecordedDecision decision) {
        DeferredAppends.write();
        return jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                         WHERE aggregate_identifier = :id AND payload_type = :type
                         ORDER BY sequence_number DESC LIMIT 1""")
                .param("id", decision.aggregateId())
                .param("type", decision.eventType().getName())
                .query(Long.class)
                .single();
    }

    private String fingerprint(CommandRequest request, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
