package vn.hdnd.query.audit;

import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;
import vn.hdnd.events.council.TermEnded;
import vn.hdnd.events.council.TermOpened;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A council's history folded from its events: every fact with its valid-time interval {@code [from, to)}, so that
 * one fold answers for any valid date ({@link #validAt}). The fold keeps everything the events said, never only the
 * current picture, which is also why its {@link State} can be snapshotted and resumed without changing an answer.
 */
final class CouncilHistory {
    static final String AGGREGATE_TYPE = "Council";
    /** Bump when the fold or {@link State} changes: older snapshots are then ignored. */
    static final int FOLD_VERSION = 1;

    record Facts(String councilId, String name, String tier, String parentId, LocalDate establishedOn,
                 LocalDate dissolvedOn, List<String> successorIds, String dissolutionBasis) {
    }

    record Term(String term, int seats, LocalDate startsOn, LocalDate endsOn) {
    }

    /** {@code fullTimeFrom}: seated full-time, or given a full-time office, from that day. */
    record Mandate(String delegateId, String term, String fullName, String constituency, LocalDate seatedOn,
                   LocalDate fullTimeFrom, LocalDate endedOn, String endReason) {
    }

    record Holding(String delegateId, String office, String committeeId, boolean fullTime, LocalDate startsOn,
                   LocalDate endsOn, String basis) {
    }

    record Committee(String id, String name, LocalDate formedOn) {
    }

    /** Everything folded so far: what a snapshot stores. Immutable, so that one state can serve many requests. */
    record State(Facts council, List<Term> terms, List<Mandate> mandates, List<Holding> holdings,
                 List<Committee> committees) {
        State {
            // Immutable whatever built it (Jackson reads ArrayLists); List.copyOf of an immutable list is that list.
            terms = List.copyOf(terms);
            mandates = List.copyOf(mandates);
            holdings = List.copyOf(holdings);
            committees = List.copyOf(committees);
        }
    }

    /** The council as valid on one date; the shape follows {@code GET /api/v1/councils/{id}}. */
    record CouncilAsOf(String id, String name, String tier, String parentId, String status, LocalDate establishedOn,
                       LocalDate dissolvedOn, List<String> successorIds, String term, int seats,
                       int fullTimeDelegates, boolean leadershipComplete, List<Delegate> delegates,
                       List<OfficeHolder> offices, List<Committee> committees) {
    }

    record Delegate(String id, String fullName, boolean fullTime, String constituency, LocalDate seatedOn,
                    String term) {
    }

    record OfficeHolder(String office, String delegateId, String fullName, String committeeId, boolean fullTime,
                        LocalDate since, String basis) {
    }

    private Facts council;
    private final List<Term> terms;
    private final List<Mandate> mandates;
    private final List<Holding> holdings;
    private final List<Committee> committees;
    /**
     * Where each delegate's open mandates (no {@code endedOn}) are in {@link #mandates}, in list order: finding "the
     * first open mandate of this delegate" by scanning made a long history's fold quadratic. Built on first use.
     */
    private Map<String, ArrayDeque<Integer>> openMandates;

    CouncilHistory() {
        this(new State(null, List.of(), List.of(), List.of(), List.of()));
    }

    CouncilHistory(State state) {
        council = state.council();
        terms = new ArrayList<>(state.terms());
        mandates = new ArrayList<>(state.mandates());
        holdings = new ArrayList<>(state.holdings());
        committees = new ArrayList<>(state.committees());
    }

    State state() {
        return new State(council, List.copyOf(terms), List.copyOf(mandates), List.copyOf(holdings),
                List.copyOf(committees));
    }

    /** Folds one event; events of other types (a later revision's new events) change nothing. */
    void apply(Object event) {
        if (event instanceof CouncilEstablished e) {
            council = new Facts(e.councilId(), e.name(), e.tier().name(), e.parentId(), e.establishedOn(), null,
                    List.of(), null);
        } else if (event instanceof TermOpened e) {
            terms.add(new Term(e.term(), e.seats(), e.startsOn(), null));
        } else if (event instanceof TermEnded e) {
            replaceFirst(terms, t -> t.term().equals(e.term()) && t.endsOn() == null,
                    t -> new Term(t.term(), t.seats(), t.startsOn(), e.endsOn()));
        } else if (event instanceof DelegateSeated e) {
            mandates.add(new Mandate(e.delegateId(), e.term(), e.fullName(), e.constituency(), e.seatedOn(),
                    e.fullTime() ? e.seatedOn() : null, null, null));
            if (openMandates != null) {
                openMandates.computeIfAbsent(e.delegateId(), d -> new ArrayDeque<>()).addLast(mandates.size() - 1);
            }
        } else if (event instanceof MandateEnded e) {
            replaceFirstOpenMandate(e.delegateId(), m -> new Mandate(m.delegateId(), m.term(),
                    m.fullName(), m.constituency(), m.seatedOn(), m.fullTimeFrom(), e.effectiveOn(),
                    e.reason().name()));
        } else if (event instanceof OfficeAssigned e) {
            holdings.add(new Holding(e.delegateId(), e.office().name(), e.committeeId(), e.fullTime(),
                    e.effectiveOn(), null, e.basis()));
            if (e.fullTime()) {
                // A full-time office makes its holder a full-time delegate from that date on.
                replaceFirstOpenMandate(e.delegateId(), m -> new Mandate(m.delegateId(), m.term(),
                        m.fullName(), m.constituency(), m.seatedOn(),
                        m.fullTimeFrom() == null || m.fullTimeFrom().isAfter(e.effectiveOn())
                                ? e.effectiveOn() : m.fullTimeFrom(),
                        m.endedOn(), m.endReason()));
            }
        } else if (event instanceof OfficeVacated e) {
            replaceFirst(holdings, h -> h.delegateId().equals(e.delegateId()) && h.office().equals(e.office().name())
                            && Objects.equals(h.committeeId(), e.committeeId()) && h.endsOn() == null,
                    h -> new Holding(h.delegateId(), h.office(), h.committeeId(), h.fullTime(), h.startsOn(),
                            e.effectiveOn(), h.basis()));
        } else if (event instanceof CommitteeFormed e) {
            committees.add(new Committee(e.committeeId(), e.name(), e.formedOn()));
        } else if (event instanceof CouncilDissolved e && council != null) {
            council = new Facts(council.councilId(), council.name(), council.tier(), council.parentId(),
                    council.establishedOn(), e.effectiveOn(), List.copyOf(e.successorIds()), e.basis());
        }
    }

    /** The council as the folded events describe it on {@code date}: valid-time intervals are {@code [from, to)}. */
    CouncilAsOf validAt(LocalDate date) {
        if (council == null) {
            return null;
        }
        boolean established = !council.establishedOn().isAfter(date);
        boolean dissolved = council.dissolvedOn() != null && !council.dissolvedOn().isAfter(date);
        String status = !established ? "NOT_ESTABLISHED" : dissolved ? "DISSOLVED" : "ACTIVE";
        Term term = established ? terms.stream().filter(t -> valid(t.startsOn(), t.endsOn(), date)).findFirst()
                .orElse(null) : null;
        List<Mandate> seated = established ? mandates.stream()
                .filter(m -> valid(m.seatedOn(), m.endedOn(), date))
                .sorted(Comparator.comparing(Mandate::delegateId))
                .toList() : List.of();
        List<Delegate> delegates = seated.stream()
                .map(m -> new Delegate(m.delegateId(), m.fullName(), fullTime(m, date), m.constituency(),
                        m.seatedOn(), m.term()))
                .toList();
        List<OfficeHolder> offices = holdings.stream()
                .filter(h -> valid(h.startsOn(), h.endsOn(), date))
                .flatMap(h -> seated.stream().filter(m -> m.delegateId().equals(h.delegateId())).limit(1)
                        .map(m -> new OfficeHolder(h.office(), h.delegateId(), m.fullName(), h.committeeId(),
                                fullTime(m, date), h.startsOn(), h.basis())))
                .sorted(Comparator.comparing(OfficeHolder::office)
                        .thenComparing(OfficeHolder::committeeId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(OfficeHolder::delegateId))
                .toList();
        List<Committee> formed = established ? committees.stream()
                .filter(c -> !c.formedOn().isAfter(date))
                .sorted(Comparator.comparing(Committee::id))
                .toList() : List.of();
        // Leadership is complete with a chair, at least one vice-chair and a head for every committee.
        boolean complete = has(offices, Office.CHAIR, null) && has(offices, Office.VICE_CHAIR, null)
                && formed.stream().allMatch(c -> has(offices, Office.COMMITTEE_HEAD, c.id()));
        return new CouncilAsOf(council.councilId(), council.name(), council.tier(), council.parentId(), status,
                council.establishedOn(), dissolved ? council.dissolvedOn() : null,
                dissolved ? council.successorIds() : List.of(), term == null ? null : term.term(),
                term == null ? 0 : term.seats(), (int) delegates.stream().filter(Delegate::fullTime).count(),
                complete, delegates, offices, formed);
    }

    private static boolean valid(LocalDate from, LocalDate to, LocalDate date) {
        return !from.isAfter(date) && (to == null || to.isAfter(date));
    }

    private static boolean fullTime(Mandate mandate, LocalDate date) {
        return mandate.fullTimeFrom() != null && !mandate.fullTimeFrom().isAfter(date);
    }

    private static boolean has(List<OfficeHolder> offices, Office office, String committeeId) {
        return offices.stream().anyMatch(o -> o.office().equals(office.name())
                && (committeeId == null || committeeId.equals(o.committeeId())));
    }

    /** Changes the delegate's first open mandate in list order, if any; the index follows if it is no longer open. */
    private void replaceFirstOpenMandate(String delegateId, UnaryOperator<Mandate> change) {
        if (openMandates == null) {
            openMandates = new HashMap<>();
            for (int i = 0; i < mandates.size(); i++) {
                if (mandates.get(i).endedOn() == null) {
                    openMandates.computeIfAbsent(mandates.get(i).delegateId(), d -> new ArrayDeque<>()).addLast(i);
                }
            }
        }
        ArrayDeque<Integer> open = openMandates.get(delegateId);
        if (open == null || open.isEmpty()) {
            return;
        }
        Mandate changed = change.apply(mandates.get(open.peekFirst()));
        mandates.set(open.peekFirst(), changed);
        if (changed.endedOn() != null) {
            open.pollFirst();
        }
    }

    private static <T> void replaceFirst(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        for (int i = 0; i < list.size(); i++) {
            if (which.test(list.get(i))) {
                list.set(i, change.apply(list.get(i)));
                return;
            }
        }
    }
}
