package vn.hdnd.command.dispatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hdnd.server.support.PostgresTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands queued in a lane while its transaction runs are written together in the next one, in order, and answered
 * only after it commits; a failing command fails alone, and a failed commit fails all without running any again.
 * One lane, on PostgreSQL, with a command held inside its transaction until the others are queued behind it.
 */
@PostgresTest
class GroupCommitTest {
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AggregateLocks locks;

    private GroupCommit groupCommit;
    private final CountDownLatch release = new CountDownLatch(1);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, Object> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();
    /** The batches of rows {@link #append} wrote, in order. */
    private final List<List<String>> writes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void oneLaneAndATable() {
        groupCommit = new GroupCommit(transaction, locks, 1, 32);
        groupCommit.bindTo(meters);
        jdbc.sql("DROP TABLE IF EXISTS group_commit_test").update();
        // Unique only at commit, so that a transaction can fail there and nowhere else.
        jdbc.sql("""
                CREATE TABLE group_commit_test (name VARCHAR(20) NOT NULL, txid BIGINT NOT NULL,
                    CONSTRAINT group_commit_test_name UNIQUE (name) DEFERRABLE INITIALLY DEFERRED)""").update();
    }

    @AfterEach
    void stop() throws InterruptedException {
        groupCommit.destroy();
        jdbc.sql("DROP TABLE group_commit_test").update();
    }

    @Test
    void commandsQueuedWhileATransactionRunsShareTheNextOneInOrder() throws InterruptedException {
        holdTheLane();
        Map<String, Long> locksHeld = new ConcurrentHashMap<>();
        send("a", status -> {
            locksHeld.put("a", jdbc.sql("""
                    SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()""")
                    .query(Long.class).single());
            return insert("a").doInTransaction(status);
        });
        send("b", insert("b"));
        send("c", insert("c"));
        releaseAndWait();

        assertThat(rows()).containsExactly("held", "a", "b", "c");
        assertThat(locksHeld).as("the batch's three locks, taken before its first command ran").containsEntry("a", 3L);
        assertThat(transactionOf("a")).isEqualTo(transactionOf("b")).isEqualTo(transactionOf("c"))
                .isNotEqualTo(transactionOf("held"));
        assertThat(answers).containsEntry("a", "a").containsEntry("b", "b").containsEntry("c", "c");
        assertThat(runs.get("b")).hasValue(1);
        assertThat(meters.get("council.commands.transactions").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("council.commands.answered").functionCounter().count()).isEqualTo(4);
        assertThat(meters.get("council.commands.rewritten").functionCounter().count()).isZero();
    }

    @Test
    void aFailingCommandFailsAloneAndTheOthersAreWrittenWithoutIt() throws InterruptedException {
        holdTheLane();
        send("a", insert("a"));
        send("refused", status -> {
            insert("refused").doInTransaction(status);
            throw new IllegalStateException("refused by its rule");
        });
        send("c", insert("c"));
        releaseAndWait();

        assertThat(answers.get("refused")).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "refused by its rule");
        assertThat(rows()).containsExactly("held", "a", "c");
        assertThat(transactionOf("a")).isEqualTo(transactionOf("c"));
        assertThat(answers).containsEntry("a", "a").containsEntry("c", "c");
        // The refused command ran once; the one before it again, in the transaction written without it.
        assertThat(runs.get("refused")).hasValue(1);
        assertThat(runs.get("a")).hasValue(2);
        assertThat(runs.get("c")).hasValue(1);
        assertThat(meters.get("council.commands.rewritten").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aFailedCommitFailsEveryCommandInItAndRunsNoneAgain() throws InterruptedException {
        holdTheLane();
        send("a", insert("a"));
        send("twice", insert("a"));
        releaseAndWait();

        assertThat((Throwable) answers.get("a")).hasStackTraceContaining("group_commit_test_name");
        assertThat(answers.get("twice")).isSameAs(answers.get("a"));
        assertThat(rows()).containsExactly("held");
        assertThat(runs.get("a")).hasValue(1);
        assertThat(runs.get("twice")).hasValue(1);
    }

    @Test
    void aCommandSentWhileALaneWritesAnotherJoinsItsTransaction() throws InterruptedException {
        send("outer", status -> {
            insert("outer").doInTransaction(status);
            // Waiting for the lane here would wait for itself.
            return groupCommit.execute(new AggregateLocks.Lock("inner", "inner"), insert("inner"));
        });
        releaseAndWait();

        assertThat(answers).containsEntry("outer", "inner");
        assertThat(transactionOf("inner")).isEqualTo(transactionOf("outer"));
    }

    @Test
    void theBatchsAppendsAreWrittenTogetherAfterItsLastCommandBeforeAnyIsCompleted() throws InterruptedException {
        holdTheLane();
        Map<String, Long> seenAtCompletion = new ConcurrentHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            sendCompleting(name, status -> {
                append(List.of(name));
                return () -> {
                    seenAtCompletion.put(name, jdbc.sql("SELECT COUNT(*) FROM group_commit_test")
                            .query(Long.class).single());
                    return name;
                };
            });
        }
        releaseAndWait();

        assertThat(writes).containsExactly(List.of("held"), List.of("a", "b", "c"));
        assertThat(rows()).containsExactly("held", "a", "b", "c");
        assertThat(seenAtCompletion).as("every command completed after all three were written")
                .containsEntry("a", 4L).containsEntry("b", 4L).containsEntry("c", 4L);
        assertThat(answers).containsEntry("a", "a").containsEntry("b", "b").containsEntry("c", "c");
    }

    @Test
    void whenTheBatchsAppendsFailTogetherEachCommandAppendsItsOwnAndTheFailureIsAnsweredToItsCommand()
            throws InterruptedException {
        holdTheLane();
        for (String name : List.of("a", "bad", "c")) {
            sendCompleting(name, status -> {
                append(List.of(name));
                return () -> name;
            });
        }
        releaseAndWait();

        assertThat(answers.get("bad")).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "cannot write bad");
        assertThat(answers).containsEntry("a", "a").containsEntry("c", "c");
        assertThat(rows()).containsExactly("held", "a", "c");
        assertThat(writes).as("together, then each at once; then again without the failing one")
                .containsExactly(List.of("held"), List.of("a", "bad", "c"), List.of("a"), List.of("bad"),
                        List.of("a"), List.of("c"));
        assertThat(meters.get("council.commands.rewritten").functionCounter().count()).isEqualTo(2);
    }

    /**
     * Appends the rows as the event store appends events: kept for the batch if its transaction allows it, else at
     * once. Writing a row named "bad" fails.
     */
    private void append(List<String> names) {
        Consumer<List<String>> writer = batch -> {
            writes.add(List.copyOf(batch));
            if (batch.contains("bad")) {
                throw new IllegalStateException("cannot write bad");
            }
            batch.forEach(name -> insert(name).doInTransaction(null));
        };
        if (!DeferredAppends.defer(names, writer)) {
            writer.accept(names);
        }
    }

    /** A first command that waits inside its transaction until released, while the next ones queue. */
    private void holdTheLane() {
        CountDownLatch holding = new CountDownLatch(1);
        send("held", status -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            append(List.of("held"));
            return "held";
        });
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the lane runs the first command").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a command from a client thread of its own, and waits until the client waits for its answer (or has it). */
    private void send(String name, TransactionCallback<?> work) {
        client(name, lock -> groupCommit.execute(lock, counted(name, work)));
    }

    /** As {@link #send}, with a completion called once the batch's appends are written. */
    private void sendCompleting(String name, TransactionCallback<Supplier<String>> work) {
        client(name, lock -> groupCommit.executeAndComplete(lock, counted(name, work)));
    }

    private <T> TransactionCallback<T> counted(String name, TransactionCallback<T> work) {
        return status -> {
            runs.get(name).incrementAndGet();
            return work.doInTransaction(status);
        };
    }

    private void client(String name, Function<AggregateLocks.Lock, Object> call) {
        runs.put(name, new AtomicInteger());
        Thread client = new Thread(() -> {
            try {
                answers.put(name, call.apply(new AggregateLocks.Lock(name, name)));
            } catch (RuntimeException e) {
                answers.put(name, e);
            }
        });
        clients.add(client);
        client.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> client.getState() == Thread.State.WAITING
                || client.getState() == Thread.State.TERMINATED);
    }

    private void releaseAndWait() throws InterruptedException {
        release.countDown();
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(client.isAlive()).as("answered").isFalse();
        }
    }

    private TransactionCallback<String> insert(String name) {
        return status -> {
            jdbc.sql("INSERT INTO group_commit_test (name, txid) VALUES (:name, txid_current())")
                    .param("name", name).update();
            return name;
        };
    }

    private List<String> rows() {
        return jdbc.sql("SELECT name FROM group_commit_test ORDER BY txid, ctid").query(String.class).list();
    }

    private long transactionOf(String name) {
        return jdbc.sql("SELECT txid FROM group_commit_test WHERE name = :name").param("name", name)
                .query(Long.class).single();
    }
}
