package vn.hdnd.command.dispatch;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Group commit: commands that arrive while others are being written share one database transaction. A transaction
 * costs PostgreSQL more than the statements of a command in it (its start, its commit record and the flush that makes
 * it durable), and a few connections working in turn cost it less than one per request thread (bench/README.md).
 * <p>
 * Each command goes to one of a few lanes, chosen by its queue key ({@link AggregateLocks}), and each lane writes its
 * commands in turn on its own thread: all that waited in the lane while the previous transaction ran are written
 * together, in order, in one transaction. Commands on one aggregate thus stay in one lane, and a lane never waits for
 * a lock another lane holds. Nothing is answered before the transaction commits.
 * <p>
 * A transaction that runs commands one after another is what running them one after another in their own
 * transactions would have written: each command sees its predecessors' events, read in the same transaction. When one
 * command fails, the transaction is rolled back; that command gets its failure, as it would have after its
 * predecessors, and the others are written again without it (a command its aggregate refuses wrote nothing, and the
 * dispatcher answers it without failing the transaction). When the commit itself fails, every command in it gets
 * that failure, as each would have alone: none is run again, since a commit whose answer was lost may have been
 * written.
 * <p>
 * The commands' events are appended together after the last of them has run ({@link DeferredAppends}), and each
 * command is then completed (its answer read, its idempotency record written). If that append fails, the batch is
 * written again with each command's events appended as it runs, so that the failure is answered to its command.
 */
@Component
class GroupCommit implements DisposableBean, MeterBinder {
    private final TransactionTemplate transaction;
    private final AggregateLocks locks;
    private final int maxBatch;
    private final List<Lane> lanes = new ArrayList<>();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder commands = new LongAdder();
    private final LongAdder rewrites = new LongAdder();
    /** Queued to stop a lane once it has written what was queued before. */
    private final Pending<Void> stop = new Pending<>(null, status -> () -> null);
    private volatile boolean closed;

    GroupCommit(TransactionTemplate transaction, AggregateLocks locks,
                @Value("${council.commands.lanes:1}") int lanes,
                @Value("${council.commands.max-batch:32}") int maxBatch) {
        if (lanes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("council.commands.lanes and max-batch must be at least 1");
        }
        this.transaction = transaction;
        this.locks = locks;
        this.maxBatch = maxBatch;
        for (int i = 0; i < lanes; i++) {
            Lane lane = new Lane("command-lane-" + i);
            this.lanes.add(lane);
            lane.thread.start();
        }
    }

    /**
     * Runs {@code work} in a transaction shared with the commands queued in the same lane, and answers its result
     * once that transaction has committed; a failure of {@code work} or of the commit is thrown as it was raised.
     * The transaction takes {@code lock} before any of its commands runs, with the other commands' locks.
     */
    <T> T execute(AggregateLocks.Lock lock, TransactionCallback<T> work) {
        return executeAndComplete(lock, status -> {
            T result = work.doInTransaction(status);
            return () -> result;
        });
    }

    /**
     * As {@link #execute}, but {@code work} answers a completion, which is called in the transaction once every
     * command of the batch has run and their events are written; the completion's result is answered.
     */
    <T> T executeAndComplete(AggregateLocks.Lock lock, TransactionCallback<Supplier<T>> work) {
        if (closed || onALane()) {
            // Shutting down, the lanes may be gone: the caller's thread writes its command alone. On a lane, a command
            // sent while writing another joins that one's transaction instead of waiting for a lane, perhaps its own.
            return transaction.execute(status -> work.doInTransaction(status).get());
        }
        Pending<T> pending = new Pending<>(lock, work);
        lanes.get(Math.floorMod(lock.key().hashCode(), lanes.size())).queue.add(pending);
        return pending.await();
    }

    private boolean onALane() {
        return lanes.stream().anyMatch(lane -> lane.thread == Thread.currentThread());
    }

    /**
     * {@code council.commands.transactions} and {@code council.commands.answered}: their ratio is the mean number of
     * commands per transaction. {@code council.commands.rewritten}: shared transactions rolled back because one of
     * their commands failed, the others then written again, or because their appends failed together, then written
     * again with each command's own.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("council.commands.transactions", transactions, LongAdder::sum)
                .description("transactions the command lanes ran").register(registry);
        FunctionCounter.builder("council.commands.answered", commands, LongAdder::sum)
                .description("commands the command lanes answered").register(registry);
        FunctionCounter.builder("council.commands.rewritten", rewrites, LongAdder::sum)
                .description("shared transactions written again, without a failed command or appending each "
                        + "command's events on its own").register(registry);
    }

    /** Lets each lane finish the commands already queued, then stops it. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        for (Lane lane : lanes) {
            lane.queue.add(stop);
        }
        for (Lane lane : lanes) {
            lane.thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Where a lane's transaction stands when no command is running: before the first, or writing the appends. */
    private static final int LOCKING = -1;
    private static final int APPENDING = -2;

    private final class Lane {
        final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void run() {
            List<Pending<?>> batch = new ArrayList<>(maxBatch);
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, maxBatch - 1);
                boolean stopping = batch.remove(stop);
                write(batch);
                batch.clear();
                if (stopping) {
                    // Commands queued behind the stop are still written.
                    queue.drainTo(batch);
                    write(batch);
                    return;
                }
            }
        }

        /**
         * Writes the batch in one transaction; a failing command is answered and the rest written again. The batch's
         * locks are taken first, in one round trip; if that fails (a deadlock with another node, say), each command
         * takes its own instead, and if the batch's appends fail together, each command appends its own, so that a
         * failure is answered to the command it belongs to.
         */
        private void write(List<Pending<?>> batch) {
            List<Pending<?>> remaining = new ArrayList<>(batch);
            boolean lockFirst = true;
            boolean appendTogether = true;
            while (!remaining.isEmpty()) {
                // The command running or being completed, or LOCKING, or APPENDING.
                int[] running = {LOCKING};
                boolean lockingFirst = lockFirst;
                boolean appendingTogether = appendTogether;
                List<Object> results = new ArrayList<>(remaining.size());
                try {
                    transactions.increment();
                    transaction.executeWithoutResult(status -> {
                        if (lockingFirst) {
                            locks.lockAll(remaining.stream().map(pending -> pending.lock).toList());
                        }
                        if (appendingTogether) {
                            DeferredAppends.allow();
                        }
                        List<Supplier<?>> completions = new ArrayList<>(remaining.size());
                        for (running[0] = 0; running[0] < remaining.size(); running[0]++) {
                            completions.add(remaining.get(running[0]).work.doInTransaction(status));
                        }
                        running[0] = APPENDING;
                        DeferredAppends.write();
                        for (running[0] = 0; running[0] < remaining.size(); running[0]++) {
                            results.add(completions.get(running[0]).get());
                        }
                    });
                } catch (RuntimeException | Error e) {
                    if (running[0] == LOCKING && lockingFirst) {
                        lockFirst = false;
                        continue;
                    }
                    if (running[0] == APPENDING && appendingTogether) {
                        appendTogether = false;
                        rewrites.increment();
                        continue;
                    }
                    int failed = running[0] == APPENDING ? remaining.size() : Math.max(running[0], 0);
                    if (failed < remaining.size()) {
                        remaining.remove(failed).fail(e);
                        if (!remaining.isEmpty()) {
                            rewrites.increment();
                        }
                        continue;
                    }
                    remaining.forEach(pending -> pending.fail(e));
                    return;
                }
                for (int i = 0; i < remaining.size(); i++) {
                    remaining.get(i).complete(results.get(i));
                }
                return;
            }
        }
    }

    private final class Pending<T> {
        final AggregateLocks.Lock lock;
        final TransactionCallback<Supplier<T>> work;
        private final CompletableFuture<T> answer = new CompletableFuture<>();

        Pending(AggregateLocks.Lock lock, TransactionCallback<Supplier<T>> work) {
            this.lock = lock;
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            commands.increment();
            answer.complete((T) result);
        }

        void fail(Throwable failure) {
            commands.increment();
            answer.completeExceptionally(failure);
        }

        T await() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
