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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
            return insert("held").doInTransaction(status);
        });
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the lane runs the first command").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a command from a client thread of its own, and waits until the client waits for its answer (or has it). */
    private void send(String name, TransactionCallback<?> work) {
        runs.put(name, new AtomicInteger());
        Thread client = new Thread(() -> {
            try {
                answers.put(name, groupCommit.execute(new AggregateLocks.Lock(name, name), status -> {
                    runs.get(name).incrementAndGet();
                    return work.doInTransaction(status);
                }));
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
