package vn.hdnd.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Council folds kept in this node's memory, so that asking for a state again neither re-reads and re-deserialises a
 * snapshot nor re-folds the events before it. Like a snapshot, a {@link Fold} covers events {@code 0..sequence}, all
 * recorded by {@code recordedThrough}, and serves any {@code asOf} at or after that instant. Events are never changed
 * or removed, so a fold never goes stale: it only stops being the newest, and the caller folds the events after it.
 * <p>
 * Bounded by the facts held (terms, mandates, holdings, committees: {@code council.audit.cached-facts}) and by
 * {@link #PER_AGGREGATE} folds per aggregate, evicting the least recently used fold first. Reading takes no lock:
 * under load a lock holder that loses its core would stall every reader behind it.
 */
@Component
class AuditFolds {
    /** Folds kept per aggregate: the newest one, and a few for past instants that are asked again. */
    static final int PER_AGGREGATE = 8;

    /**
     * A fold over events {@code 0..sequence}, all recorded by {@code recordedThrough}. Its state is immutable, so
     * its answer for a valid date never changes either: the last few are kept with it ({@link #validAt}), because
     * picking one date's delegates out of a long history costs more than all the rest of a request.
     */
    static final class Fold {
        /** Dates whose answers a fold keeps; most questions are about a few dates (today, an election day). */
        static final int DATES = 8;

        private final long sequence;
        private final Instant recordedThrough;
        private final CouncilHistory.State state;
        private final Map<LocalDate, CouncilHistory.CouncilAsOf> answers = new ConcurrentHashMap<>();

        Fold(long sequence, Instant recordedThrough, CouncilHistory.State state) {
            this.sequence = sequence;
            this.recordedThrough = recordedThrough;
            this.state = state;
        }

        long sequence() {
            return sequence;
        }

        Instant recordedThrough() {
            return recordedThrough;
        }

        CouncilHistory.State state() {
            return state;
        }

        /** {@code new CouncilHistory(state()).validAt(date)}, kept for the last few dates asked. */
        CouncilHistory.CouncilAsOf validAt(LocalDate date) {
            CouncilHistory.CouncilAsOf answer = answers.get(date);
            if (answer == null) {
                answer = new CouncilHistory(state).validAt(date);
                if (answer != null) {
                    if (answers.size() >= DATES) {
                        answers.clear();
                    }
                    answers.put(date, answer);
                }
            }
            return answer;
        }

        long weight() {
            return 1L + state.terms().size() + state.mandates().size() + state.holdings().size()
                    + state.committees().size();
        }
    }

    /** A fold held, with when it was last used (a tick of {@link #clock}). */
    private final class Held {
        final Fold fold;
        volatile long used = clock.incrementAndGet();

        Held(Fold fold) {
            this.fold = fold;
        }
    }

    private final long capacity;
    private final AtomicLong clock = new AtomicLong();
    /** Per aggregate, an immutable list of its folds, replaced whole under the lock of {@code this}. */
    private final Map<String, List<Held>> folds = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private long weight;

    AuditFolds(@Value("${council.audit.cached-facts:100000}") long capacity) {
        this.capacity = capacity;
    }

    /** The newest fold of the aggregate whose events were all recorded by {@code asOf}. */
    Optional<Fold> newest(String aggregateId, Instant asOf) {
        Held best = null;
        for (Held held : folds.getOrDefault(aggregateId, List.of())) {
            if (!held.fold.recordedThrough().isAfter(asOf) && (best == null || held.fold.sequence() > best.fold
                    .sequence())) {
                best = held;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        best.used = clock.incrementAndGet();
        return Optional.of(best.fold);
    }

    /** Whether any fold of the aggregate is held: then it is a council. */
    boolean holds(String aggregateId) {
        return folds.containsKey(aggregateId);
    }

    synchronized void put(String aggregateId, Fold fold) {
        if (capacity <= 0) {
            return;
        }
        List<Held> held = new ArrayList<>(folds.getOrDefault(aggregateId, List.of()));
        if (held.stream().anyMatch(h -> h.fold.sequence() == fold.sequence())) {
            return; // the same events, so the same fold
        }
        held.add(new Held(fold));
        weight += fold.weight();
        if (held.size() > PER_AGGREGATE) {
            Held eldest = held.stream().min(Comparator.comparingLong(h -> h.used)).orElseThrow();
            held.remove(eldest);
            weight -= eldest.fold.weight();
        }
        folds.put(aggregateId, List.copyOf(held));
        while (weight > capacity && !folds.isEmpty()) {
            removeLeastRecentlyUsed();
        }
    }

    private void removeLeastRecentlyUsed() {
        String aggregate = null;
        Held eldest = null;
        for (Map.Entry<String, List<Held>> entry : folds.entrySet()) {
            for (Held held : entry.getValue()) {
                if (eldest == null || held.used < eldest.used) {
                    aggregate = entry.getKey();
                    eldest = held;
                }
            }
        }
        List<Held> rest = new ArrayList<>(folds.get(aggregate));
        rest.remove(eldest);
        weight -= eldest.fold.weight();
        if (rest.isEmpty()) {
            folds.remove(aggregate);
        } else {
            folds.put(aggregate, List.copyOf(rest));
        }
    }
}
