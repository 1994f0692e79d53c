package vn.hdnd.command.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.command.session.SessionCommands.AdoptResolution;
import vn.hdnd.command.session.SessionCommands.Adopted;
import vn.hdnd.command.session.SessionCommands.ReserveSessionNumber;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.ResolutionAdopted;
import vn.hdnd.events.session.ResolutionAmended;
import vn.hdnd.events.session.ResolutionRepealed;
import vn.hdnd.events.session.SessionNumberReserved;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.hdnd.command.RuleViolation.require;

/**
 * A council's register (sổ đăng ký) of session numbers and resolution numbers, one per council, with id
 * {@code <councilId>:register} (a colon never occurs in a client's id).
 *
 * <p>Why an aggregate of its own: numbers must be sequential per council and year and never reused, while the
 * council's sessions are separate aggregates that may be voting at the same time. Every number is taken by
 * appending to this one stream, whose unique (aggregate, sequence) key lets only one of two concurrent allocations
 * commit; the loser's whole command (its vote included, since all of it is one transaction) is retried by the
 * dispatcher on the fresh register and takes the next number. Numbers are derived from the register's own events,
 * which are never deleted, so a number once given cannot come back. The first command on a council creates the
 * register. A race on that creation during a vote fails the same way and is retried (Axon classifies a duplicate key
 * by the first event of the transaction, which is then the vote's). Two first sessions of a council scheduled at the
 * same instant are the one case answered 409 instead of retried; scheduling again succeeds.
 */
@Aggregate(cache = "aggregateCache")
class CouncilRegister {
    static final String NUMBER_SUFFIX = "NQ-HĐND";

    @AggregateIdentifier
    private String registerId;
    private final Map<String, Set<Integer>> sessionNumbersByTerm = new HashMap<>();
    private final Map<Integer, Integer> lastSequenceByYear = new HashMap<>();
    private final Map<String, Registered> resolutions = new HashMap<>();

    private record Registered(String number, LocalDate adoptedOn, boolean repealed) {
    }

    CouncilRegister() {
        // for Axon
    }

    static String idOf(String councilId) {
        return councilId + ":register";
    }

    /** {@code 12/2021/NQ-HĐND}. */
    static String number(int sequence, int year) {
        return sequence + "/" + year + "/" + NUMBER_SUFFIX;
    }

    /** {@code vn-hn-nq-2021-12}: readable, and unique because numbers are. */
    static String resolutionId(String councilId, int sequence, int year) {
        return councilId + "-nq-" + year + "-" + sequence;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(ReserveSessionNumber command, CouncilRoster rosters) {
        Roster roster = rosters.of(command.councilId()).orElseThrow(() -> new RuleViolation("council-exists",
                "council " + command.councilId() + " is not in the record"));
        require(roster.activeOn(command.scheduledFor()), "council-active",
                "council " + command.councilId() + " is not active on " + command.scheduledFor());
        // LOLG 2015 art. 78: sessions are held by the council of a term; they are numbered within it.
        String term = roster.termOn(command.scheduledFor()).orElseThrow(() -> new RuleViolation(
                "session-within-term", "council " + command.councilId() + " has no term on " + command.scheduledFor()));
        require(command.number() > 0, "session-number-positive", "session numbers start at 1");
        require(!sessionNumbersByTerm.getOrDefault(term, Set.of()).contains(command.number()),
                "session-number-unique-in-term", "term " + term + " of " + command.councilId()
                        + " already has a session number " + command.number());
        apply(new SessionNumberReserved(command.councilId(), term, command.number(), command.sessionId()));
        return term;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Adopted handle(AdoptResolution command) {
        List<String> amends = command.amends() == null ? List.of() : List.copyOf(command.amends());
        List<String> repeals = command.repeals() == null ? List.of() : List.copyOf(command.repeals());
        if (command.kind() == MotionKind.DISMISSAL) {
            require(amends.isEmpty() && repeals.isEmpty(), "dismissal-amends-nothing",
                    "a dismissal neither amends nor repeals resolutions");
        }
        for (String target : union(amends, repeals)) {
            Registered earlier = resolutions.get(target);
            // Akoma Ntoso lifecycle: a resolution is amended or repealed only by a later act of the same council.
            require(earlier != null, "amends-resolution-of-this-council",
                    target + " is not a resolution of council " + command.councilId());
            require(!earlier.adoptedOn().isAfter(command.adoptedOn()), "amends-earlier-resolution",
                    target + " was adopted on " + earlier.adoptedOn() + ", after " + command.adoptedOn());
            require(!earlier.repealed(), "amends-resolution-not-repealed", target + " is already repealed");
        }
        int year = command.adoptedOn().getYear();
        int sequence = lastSequenceByYear.getOrDefault(year, 0) + 1;
        String number = number(sequence, year);
        String resolutionId = resolutionId(command.councilId(), sequence, year);
        apply(new ResolutionAdopted(command.councilId(), resolutionId, number, year, sequence, command.sessionId(),
                command.motionId(), command.kind(), command.title(), command.text(), command.adoptedOn(), amends,
                repeals, command.delegateId()));
        amends.forEach(target -> apply(new ResolutionAmended(command.councilId(), target, resolutionId, number,
                command.adoptedOn())));
        repeals.forEach(target -> apply(new ResolutionRepealed(command.councilId(), target, resolutionId, number,
                command.adoptedOn())));
        return new Adopted(resolutionId, number);
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @EventSourcingHandler
    void on(SessionNumberReserved event) {
        registerId = idOf(event.councilId());
        sessionNumbersByTerm.computeIfAbsent(event.term(), t -> new HashSet<>()).add(event.number());
    }

    @EventSourcingHandler
    void on(ResolutionAdopted event) {
        registerId = idOf(event.councilId());
        lastSequenceByYear.merge(event.year(), event.sequence(), Math::max);
        resolutions.put(event.resolutionId(), new Registered(event.number(), event.adoptedOn(), false));
    }

    @EventSourcingHandler
    void on(ResolutionRepealed event) {
        resolutions.computeIfPresent(event.resolutionId(),
                (id, r) -> new Registered(r.number(), r.adoptedOn(), true));
    }
}
