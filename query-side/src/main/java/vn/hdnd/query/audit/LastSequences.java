package vn.hdnd.query.audit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The sequence number of an aggregate's last event in the event store, asked by many requests at once: one query
 * answers every request that asked before it started. A request must see every event committed before it asked, and
 * a query that starts after it asked sees them all; so while one query is running, the requests that arrive wait for
 * it to end and then share the next one. Under load this turns one query per request into one per query's duration,
 * and leaves a lone request's query as it was.
 */
final class LastSequences {
    private final ToLongFunction<String> query;
    private final Map<String, Aggregate> aggregates = new ConcurrentHashMap<>();

    /** One query, and the requests waiting for it. */
    private static final class Round {
        final CompletableFuture<Long> result = new CompletableFuture<>();
    }

    /** Per aggregate, guarded by the object itself. */
    private static final class Aggregate {
        /** The round that requests may still join: its query has not started. */
        Round open;
        /** The round whose query is running. */
        Round running;
    }

    LastSequences(ToLongFunction<String> query) {
        this.query = query;
    }

    long of(String aggregateId) {
        Aggregate aggregate = aggregates.computeIfAbsent(aggregateId, id -> new Aggregate());
        Round round;
        Round before = null;
        boolean mine = false;
        synchronized (aggregate) {
            if (aggregate.open != null) {
                round = aggregate.open;
            } else {
                round = aggregate.open = new Round();
                before = aggregate.running;
                mine = true;
            }
        }
        if (mine) {
            if (before != null) {
                // Whatever its outcome, the round before must end before ours starts.
                before.result.handle((result, failure) -> null).join();
            }
            synchronized (aggregate) {
                aggregate.open = null; // from here on, a request that asks joins the next round
                aggregate.running = round;
            }
            try {
                round.result.complete(query.applyAsLong(aggregateId));
            } catch (RuntimeException e) {
                round.result.completeExceptionally(e);
            } finally {
                boolean idle;
                synchronized (aggregate) {
                    // The next round may already be running: its owner woke up when ours completed.
                    if (aggregate.running == round) {
                        aggregate.running = null;
                    }
                    idle = aggregate.running == null && aggregate.open == null;
                }
                if (idle) {
                    // A request that has just taken this object still gets a right answer from it (its own query).
                    aggregates.remove(aggregateId, aggregate);
                }
            }
        }
        try {
            return round.result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
