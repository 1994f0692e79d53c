package vn.hdnd.command.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.command.session.SessionCommands.AdjournSession;
import vn.hdnd.command.session.SessionCommands.ConveneSession;
import vn.hdnd.command.session.SessionCommands.Decision;
import vn.hdnd.command.session.SessionCommands.RecordResolution;
import vn.hdnd.command.session.SessionCommands.RecordVote;
import vn.hdnd.command.session.SessionCommands.ScheduleSession;
import vn.hdnd.command.session.SessionCommands.TableMotion;
import vn.hdnd.events.session.Ballot;
import vn.hdnd.events.session.MotionBecameResolution;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.MotionTabled;
import vn.hdnd.events.session.SessionAdjourned;
import vn.hdnd.events.session.SessionConvened;
import vn.hdnd.events.session.SessionScheduled;
import vn.hdnd.events.session.VoteOutcome;
import vn.hdnd.events.session.VoteRecorded;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.hdnd.command.RuleViolation.require;

/**
 * A session (kỳ họp) of a council: scheduled, convened with its attendance, motions tabled and voted, adjourned.
 * Votes are decided here by the rule in force on the vote date, against the council's roster on that date; what an
 * adopted motion sets off (a numbered resolution, a mandate ended) is done by {@link SessionProcess}.
 */
@Aggregate(cache = "aggregateCache")
class Session {

    @AggregateIdentifier
    private String sessionId;
    private String councilId;
    private String term;
    private LocalDate convenedOn;
    private LocalDate adjournedOn;
    private LocalDate lastVoteOn;
    private final Map<String, Motion> motions = new HashMap<>();

    private record Motion(String title, MotionKind kind, String text, List<String> amends, List<String> repeals,
                          String delegateId, VoteOutcome outcome, String resolutionId) {
        Motion decided(VoteOutcome outcome) {
            return new Motion(title, kind, text, amends, repeals, delegateId, outcome, null);
        }

        Motion resolved(String resolutionId) {
            return new Motion(title, kind, text, amends, repeals, delegateId, outcome, resolutionId);
        }
    }

    Session() {
        // for Axon
    }

    @CommandHandler
    Session(ScheduleSession command) {
        require(command.number() > 0, "session-number-positive", "session numbers start at 1");
        apply(new SessionScheduled(command.sessionId(), command.councilId(), command.term(), command.number(),
                command.kind(), command.scheduledFor()));
    }

    @CommandHandler
    void handle(ConveneSession command, CouncilRoster rosters) {
        require(convenedOn == null, "convened-once", "session " + sessionId + " was convened on " + convenedOn);
        Roster roster = roster(rosters);
        require(roster.activeOn(command.convenedOn()), "council-active",
                "council " + councilId + " is not active on " + command.convenedOn());
        require(roster.termOn(command.convenedOn()).filter(term::equals).isPresent(), "session-within-term",
                "session " + sessionId + " belongs to term " + term + ", which is not the council's term on "
                        + command.convenedOn());
        List<String> presentIds = command.presentDelegateIds() == null ? List.of() : command.presentDelegateIds();
        Set<String> present = new HashSet<>();
        for (String delegateId : presentIds) {
            require(present.add(delegateId), "present-once", "delegate " + delegateId + " is listed twice");
            // Attendance is of delegates: only those whose mandate is valid on the day count.
            require(roster.isSeated(delegateId, command.convenedOn()), "present-delegates-seated",
                    "delegate " + delegateId + " is not seated in council " + councilId + " on "
                            + command.convenedOn());
        }
        apply(new SessionConvened(sessionId, councilId, command.convenedOn(),
                List.copyOf(presentIds), roster.seatedOn(command.convenedOn()).size()));
    }

    @CommandHandler
    void handle(TableMotion command, RegisteredResolutions registers, CouncilRoster rosters) {
        require(convenedOn != null, "no-motion-before-convening", "session " + sessionId + " has not convened");
        require(adjournedOn == null, "no-motion-after-adjournment",
                "session " + sessionId + " was adjourned on " + adjournedOn);
        require(!motions.containsKey(command.motionId()), "motion-tabled-once",
                "motion " + command.motionId() + " is already tabled in session " + sessionId);
        List<String> amends = command.amends() == null ? List.of() : List.copyOf(command.amends());
        List<String> repeals = command.repeals() == null ? List.of() : List.copyOf(command.repeals());
        if (command.kind() == MotionKind.DISMISSAL) {
            require(command.delegateId() != null, "dismissal-names-delegate", "a dismissal names the delegate");
            require(amends.isEmpty() && repeals.isEmpty(), "dismissal-amends-nothing",
                    "a dismissal neither amends nor repeals resolutions");
            require(roster(rosters).isSeated(command.delegateId(), convenedOn), "dismissed-delegate-is-seated",
                    "delegate " + command.delegateId() + " is not seated in council " + councilId + " on "
                            + convenedOn);
        } else {
            require(command.delegateId() == null, "delegate-only-for-dismissal",
                    "only a dismissal names a delegate");
        }
        require(amends.stream().noneMatch(repeals::contains), "amend-or-repeal",
                "a motion either amends or repeals a resolution, not both");
        if (!amends.isEmpty() || !repeals.isEmpty()) {
            Map<String, RegisteredResolutions.Registered> register = registers.of(councilId);
            for (String target : union(amends, repeals)) {
                RegisteredResolutions.Registered earlier = register.get(target);
                require(earlier != null, "amends-resolution-of-this-council",
                        target + " is not a resolution of council " + councilId);
                require(!earlier.repealed(), "amends-resolution-not-repealed", target + " is already repealed");
            }
        }
        apply(new MotionTabled(sessionId, councilId, command.motionId(), command.title(), command.kind(),
                command.text(), amends, repeals, command.delegateId()));
    }

    @CommandHandler
    Decision handle(RecordVote command, CouncilRoster rosters, VotingRules rules) {
        LocalDate votedOn = command.votedOn();
        require(convenedOn != null, "no-vote-before-convening", "session " + sessionId + " has not convened");
        require(adjournedOn == null, "no-vote-after-adjournment",
                "session " + sessionId + " was adjourned on " + adjournedOn);
        require(!votedOn.isBefore(convenedOn), "vote-after-convening",
                "session " + sessionId + " convened on " + convenedOn + ", after " + votedOn);
        Motion motion = motions.get(command.motionId());
        require(motion != null, "motion-tabled", "motion " + command.motionId() + " is not tabled in " + sessionId);
        require(motion.outcome() == null, "motion-voted-once",
                "motion " + command.motionId() + " was already voted: " + motion.outcome());

        // LOLG: thresholds count against the total number of delegates, i.e. those whose mandate is valid that day.
        Roster roster = roster(rosters);
        Set<String> seated = roster.seatedOn(votedOn);
        require(!seated.isEmpty(), "vote-needs-seated-delegates",
                "council " + councilId + " has no seated delegate on " + votedOn);
        int yes;
        int no;
        int abstain;
        List<Ballot> ballots = null;
        if (command.ballots() != null) {
            require(command.yes() == null && command.no() == null && command.abstain() == null, "counts-or-ballots",
                    "give either the counts or the ballots; the counts are derived from ballots");
            Set<String> voted = new HashSet<>();
            int[] counts = new int[3];
            for (Ballot ballot : command.ballots()) {
                require(seated.contains(ballot.delegateId()), "ballot-by-seated-delegate", "delegate "
                        + ballot.delegateId() + " is not seated in council " + councilId + " on " + votedOn);
                require(voted.add(ballot.delegateId()), "one-ballot-per-delegate",
                        "delegate " + ballot.delegateId() + " has two ballots");
                counts[ballot.choice().ordinal()]++;
            }
            yes = counts[0];
            no = counts[1];
            abstain = counts[2];
            ballots = List.copyOf(command.ballots());
        } else {
            require(command.yes() != null && command.no() != null && command.abstain() != null, "counts-or-ballots",
                    "give the yes, no and abstain counts, or the ballots");
            yes = command.yes();
            no = command.no();
            abstain = command.abstain();
            require(yes >= 0 && no >= 0 && abstain >= 0, "counts-not-negative", "counts are not negative");
        }
        require((long) yes + no + abstain <= seated.size(), "votes-within-total",
                yes + " + " + no + " + " + abstain + " votes exceed the " + seated.size()
                        + " delegates seated on " + votedOn);
        if (motion.kind() == MotionKind.DISMISSAL) {
            require(seated.contains(motion.delegateId()), "dismissed-delegate-is-seated",
                    "delegate " + motion.delegateId() + " is not seated in council " + councilId + " on " + votedOn);
        }
        VotingRules.Applied applied = rules.ruleFor(motion.kind(), votedOn);
        VoteOutcome outcome = applied.rule().met(yes, seated.size()) ? VoteOutcome.ADOPTED : VoteOutcome.REJECTED;
        apply(new VoteRecorded(sessionId, councilId, command.motionId(), motion.kind(), votedOn, yes, no, abstain,
                seated.size(), applied.rule(), applied.ruleSet(), outcome, ballots));
        return new Decision(councilId, command.motionId(), motion.kind(), motion.title(), motion.text(),
                motion.amends(), motion.repeals(), motion.delegateId(), votedOn, outcome);
    }

    @CommandHandler
    void handle(RecordResolution command) {
        Motion motion = motions.get(command.motionId());
        require(motion != null && motion.outcome() == VoteOutcome.ADOPTED, "resolution-of-adopted-motion",
                "motion " + command.motionId() + " was not adopted");
        require(motion.resolutionId() == null, "one-resolution-per-motion",
                "motion " + command.motionId() + " already became " + motion.resolutionId());
        apply(new MotionBecameResolution(sessionId, councilId, command.motionId(), command.resolutionId(),
                command.number()));
    }

    @CommandHandler
    void handle(AdjournSession command) {
        require(convenedOn != null, "adjourned-after-convening", "session " + sessionId + " has not convened");
        require(adjournedOn == null, "adjourned-once", "session " + sessionId + " was adjourned on " + adjournedOn);
        LocalDate notBefore = lastVoteOn != null ? lastVoteOn : convenedOn;
        require(!command.adjournedOn().isBefore(notBefore), "adjourned-after-last-vote",
                "session " + sessionId + " has business on " + notBefore + ", after " + command.adjournedOn());
        apply(new SessionAdjourned(sessionId, councilId, command.adjournedOn()));
    }

    private Roster roster(CouncilRoster rosters) {
        return rosters.of(councilId).orElseThrow(() -> new RuleViolation("council-exists",
                "council " + councilId + " is not in the record"));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        councilId = event.councilId();
        term = event.term();
    }

    @EventSourcingHandler
    void on(SessionConvened event) {
        convenedOn = event.convenedOn();
    }

    @EventSourcingHandler
    void on(MotionTabled event) {
        motions.put(event.motionId(), new Motion(event.title(), event.kind(), event.text(), event.amends(),
                event.repeals(), event.delegateId(), null, null));
    }

    @EventSourcingHandler
    void on(VoteRecorded event) {
        motions.computeIfPresent(event.motionId(), (id, m) -> m.decided(event.outcome()));
        if (lastVoteOn == null || event.votedOn().isAfter(lastVoteOn)) {
            lastVoteOn = event.votedOn();
        }
    }

    @EventSourcingHandler
    void on(MotionBecameResolution event) {
        motions.computeIfPresent(event.motionId(), (id, m) -> m.resolved(event.resolutionId()));
    }

    @EventSourcingHandler
    void on(SessionAdjourned event) {
        adjournedOn = event.adjournedOn();
    }
}
