package vn.hdnd.command.council;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.command.council.CouncilCommands.AssignOffice;
import vn.hdnd.command.council.CouncilCommands.DissolveCouncil;
import vn.hdnd.command.council.CouncilCommands.EndMandate;
import vn.hdnd.command.council.CouncilCommands.EndTerm;
import vn.hdnd.command.council.CouncilCommands.EstablishCouncil;
import vn.hdnd.command.council.CouncilCommands.FormCommittee;
import vn.hdnd.command.council.CouncilCommands.OpenTerm;
import vn.hdnd.command.council.CouncilCommands.SeatDelegate;
import vn.hdnd.command.council.CouncilCommands.VacateOffice;
import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;
import vn.hdnd.events.council.TermEnded;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.events.council.Tier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.hdnd.command.RuleViolation.require;

/**
 * A People's Council (HĐND): its term, seated delegates, offices and committees. Holds only what its rules need.
 */
@Aggregate(cache = "aggregateCache")
class Council {

    @AggregateIdentifier
    private String councilId;
    private LocalDate establishedOn;
    private boolean dissolved;
    private String openTerm;
    private LocalDate termStartsOn;
    /** The end of the last ended term: the next one starts on or after it. */
    private LocalDate lastTermEndedOn;
    /** Every term name used: a name names one term of the council's history. */
    private final Set<String> termNames = new HashSet<>();
    private int seats;
    private final Map<String, Mandate> mandates = new HashMap<>();
    /**
     * What a new seat competes with, without a walk over every mandate of the term: the mandates not ended, and the
     * end dates of those ended.
     */
    private int openMandates;
    private final List<LocalDate> mandateEnds = new ArrayList<>();
    /** Committees by id, with the date each was formed. */
    private final Map<String, LocalDate> committees = new HashMap<>();
    private final List<Holding> holdings = new ArrayList<>();
    /**
     * For the offices held by one delegate at a time (the chair, each committee's head): the latest end of a vacated
     * holding. A new holder dated before it would overlap the former one, as a retroactive seat would.
     */
    private final Map<String, LocalDate> singleOfficeHeldUntil = new HashMap<>();

    /** A delegate's mandate: valid from {@code seatedOn} (inclusive) until {@code endedOn} (exclusive). */
    private record Mandate(LocalDate seatedOn, LocalDate endedOn) {
        boolean validOn(LocalDate date) {
            return !seatedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
        }
    }

    private record Holding(String delegateId, Office office, String committeeId, LocalDate since) {
        boolean is(String delegate, Office office, String committee) {
            return delegateId.equals(delegate) && this.office == office && Objects.equals(committeeId, committee);
        }
    }

    Council() {
        // for Axon
    }

    @CommandHandler
    Council(EstablishCouncil command, CouncilDirectory directory) {
        if (command.tier() == Tier.PROVINCE) {
            require(command.parentId() == null, "province-council-has-no-parent",
                    "a province-tier council has no parent council");
        } else {
            require(command.parentId() != null, "council-needs-parent",
                    "a " + command.tier() + " council needs its parent council");
            Tier parentTier = directory.tierOf(command.parentId()).orElseThrow(() -> new RuleViolation(
                    "parent-council-exists", "parent council " + command.parentId() + " is not in the record"));
            require(parentTier.ordinal() == command.tier().ordinal() - 1, "parent-one-tier-up",
                    "a " + command.tier() + " council sits directly under a " + Tier.values()[command.tier().ordinal() - 1]
                            + " council, not under a " + parentTier + " council");
            // Ids nest (vn-hn, vn-hn-ba-vi, vn-hn-ba-vi-tay-dang) so that a clerk's scope "vn-hn/**" means this council tree.
            require(command.councilId().startsWith(command.parentId() + "-"), "council-id-nests-under-parent",
                    "council id " + command.councilId() + " must start with its parent's id followed by '-'");
        }
        apply(new CouncilEstablished(command.councilId(), command.name(), command.tier(), command.parentId(),
                command.establishedOn()));
    }

    @CommandHandler
    void handle(OpenTerm command) {
        requireActiveOn(command.startsOn());
        // LOLG 2015 art. 5: a council serves one five-year term at a time.
        require(openTerm == null, "one-open-term",
                "term " + openTerm + " is still open; end it before opening " + command.term());
        require(!termNames.contains(command.term()), "term-name-unique",
                "term " + command.term() + " was already opened in this council");
        require(lastTermEndedOn == null || !command.startsOn().isBefore(lastTermEndedOn), "terms-do-not-overlap",
                "the previous term ended on " + lastTermEndedOn + ", after " + command.startsOn());
        require(command.seats() > 0, "seats-positive", "a term needs at least one seat");
        apply(new TermOpened(councilId, command.term(), command.seats(), command.startsOn()));
    }

    @CommandHandler
    void handle(EndTerm command) {
        requireActiveOn(command.endsOn());
        require(command.term().equals(openTerm), "term-is-open", "term " + command.term() + " is not the open term");
        require(!command.endsOn().isBefore(termStartsOn), "term-ends-after-start",
                "term " + openTerm + " started on " + termStartsOn);
        endTerm(command.endsOn(), MandateEndReason.TERM_ENDED, "Hết nhiệm kỳ " + openTerm);
    }

    /** Every open mandate (and with it every office) ends with the term. */
    private void endTerm(LocalDate endsOn, MandateEndReason reason, String basis) {
        List.copyOf(mandates.keySet()).forEach(delegateId -> {
            if (mandates.get(delegateId).endedOn() == null) {
                endMandate(delegateId, reason, endsOn, basis);
            }
        });
        apply(new TermEnded(councilId, openTerm, endsOn));
    }

    @CommandHandler
    void handle(SeatDelegate command) {
        requireActiveOn(command.seatedOn());
        require(openTerm != null, "seat-needs-open-term", "the council has no open term");
        require(!command.seatedOn().isBefore(termStartsOn), "seated-within-term",
                "term " + openTerm + " starts on " + termStartsOn + ", after " + command.seatedOn());
        require(!mandates.containsKey(command.delegateId()), "delegate-seated-once",
                "delegate " + command.delegateId() + " already has a seat in this council");
        // Whoever holds a mandate on or after the new seat's date competes for the same seats.
        long competing = openMandates + mandateEnds.stream().filter(end -> end.isAfter(command.seatedOn())).count();
        require(competing < seats, "seats-limit",
                "all " + seats + " seats of term " + openTerm + " are taken on " + command.seatedOn());
        apply(new DelegateSeated(councilId, command.delegateId(), command.fullName(), command.fullTime(),
                command.constituency(), openTerm, command.seatedOn()));
    }

    @CommandHandler
    void handle(EndMandate command) {
        requireActiveOn(command.effectiveOn());
        Mandate mandate = mandates.get(command.delegateId());
        require(mandate != null && mandate.endedOn() == null, "mandate-is-open",
                "delegate " + command.delegateId() + " holds no open mandate in this council");
        require(command.effectiveOn().isAfter(mandate.seatedOn()), "mandate-ends-after-seat",
                "delegate " + command.delegateId() + " was seated on " + mandate.seatedOn());
        endMandate(command.delegateId(), command.reason(), command.effectiveOn(), command.basis());
    }

    /** A delegate whose mandate ends leaves every office too; each departure is its own event. */
    private void endMandate(String delegateId, MandateEndReason reason, LocalDate effectiveOn, String basis) {
        List.copyOf(holdings).stream()
                .filter(h -> h.delegateId().equals(delegateId))
                .forEach(h -> apply(new OfficeVacated(councilId, delegateId, h.office(), h.committeeId(),
                        effectiveOn, basis)));
        apply(new MandateEnded(councilId, delegateId, reason, effectiveOn, basis));
    }

    @CommandHandler
    void handle(AssignOffice command) {
        requireActiveOn(command.effectiveOn());
        Mandate mandate = mandates.get(command.delegateId());
        // LOLG 2015 art. 18: office holders are elected from among the council's delegates.
        require(mandate != null && mandate.validOn(command.effectiveOn()), "office-holder-is-seated",
                "delegate " + command.delegateId() + " is not seated on " + command.effectiveOn());
        if (command.office().belongsToCommittee()) {
            LocalDate formedOn = command.committeeId() == null ? null : committees.get(command.committeeId());
            require(formedOn != null, "committee-exists",
                    "committee " + command.committeeId() + " does not exist in this council");
            require(!command.effectiveOn().isBefore(formedOn), "committee-office-after-formation",
                    "committee " + command.committeeId() + " was formed on " + formedOn);
        } else {
            require(command.committeeId() == null, "committee-only-for-committee-offices",
                    command.office() + " is not a committee office");
        }
        require(holdings.stream().noneMatch(h -> h.is(command.delegateId(), command.office(), command.committeeId())),
                "office-held-once", "delegate " + command.delegateId() + " already holds " + command.office());
        if (command.office() == Office.CHAIR) {
            require(holdings.stream().noneMatch(h -> h.office() == Office.CHAIR), "one-chair",
                    "the council already has a chair; vacate the office first");
            requireSingleOfficeFree(command, "one-chair", "the former chair");
        }
        if (command.office() == Office.COMMITTEE_HEAD) {
            require(holdings.stream().noneMatch(h -> h.office() == Office.COMMITTEE_HEAD
                            && h.committeeId().equals(command.committeeId())), "one-committee-head",
                    "committee " + command.committeeId() + " already has a head; vacate the office first");
            requireSingleOfficeFree(command, "one-committee-head",
                    "the former head of committee " + command.committeeId());
        }
        apply(new OfficeAssigned(councilId, command.delegateId(), command.office(), command.committeeId(),
                command.fullTime(), command.effectiveOn(), command.basis()));
    }

    /** A new holder of a one-holder office starts no earlier than the former holder left. */
    private void requireSingleOfficeFree(AssignOffice command, String rule, String formerHolder) {
        LocalDate heldUntil = singleOfficeHeldUntil.get(singleOffice(command.office(), command.committeeId()));
        require(heldUntil == null || !command.effectiveOn().isBefore(heldUntil), rule,
                formerHolder + " held the office until " + heldUntil + ", after " + command.effectiveOn());
    }

    /** The key of a one-holder office (the chair, a committee's head), or null for offices several may hold. */
    private static String singleOffice(Office office, String committeeId) {
        return switch (office) {
            case CHAIR -> "chair";
            case COMMITTEE_HEAD -> "head:" + committeeId;
            default -> null;
        };
    }

    @CommandHandler
    void handle(VacateOffice command) {
        requireActiveOn(command.effectiveOn());
        Holding holding = holdings.stream()
                .filter(h -> h.is(command.delegateId(), command.office(), command.committeeId()))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("office-is-held",
                        "delegate " + command.delegateId() + " does not hold " + command.office()));
        require(!command.effectiveOn().isBefore(holding.since()), "vacated-after-assigned",
                command.office() + " was assigned on " + holding.since());
        apply(new OfficeVacated(councilId, command.delegateId(), command.office(), command.committeeId(),
                command.effectiveOn(), command.basis()));
    }

    @CommandHandler
    void handle(FormCommittee command) {
        requireActiveOn(command.formedOn());
        require(!committees.containsKey(command.committeeId()), "committee-formed-once",
                "committee " + command.committeeId() + " already exists");
        apply(new CommitteeFormed(councilId, command.committeeId(), command.name(), command.formedOn()));
    }

    @CommandHandler
    void handle(DissolveCouncil command) {
        requireActiveOn(command.effectiveOn());
        if (openTerm != null) {
            require(!command.effectiveOn().isBefore(termStartsOn), "dissolved-after-term-start",
                    "term " + openTerm + " started on " + termStartsOn);
            endTerm(command.effectiveOn(), MandateEndReason.COUNCIL_DISSOLVED, command.basis());
        }
        apply(new CouncilDissolved(councilId, command.effectiveOn(), List.copyOf(command.successorIds()),
                command.basis()));
    }

    private void requireActiveOn(LocalDate date) {
        require(!dissolved, "council-not-dissolved", "council " + councilId + " is dissolved");
        require(!date.isBefore(establishedOn), "not-before-establishment",
                date + " is before the council was established on " + establishedOn);
    }

    @EventSourcingHandler
    void on(CouncilEstablished event) {
        councilId = event.councilId();
        establishedOn = event.establishedOn();
    }

    @EventSourcingHandler
    void on(TermOpened event) {
        openTerm = event.term();
        termNames.add(event.term());
        termStartsOn = event.startsOn();
        seats = event.seats();
        mandates.clear();
        openMandates = 0;
        mandateEnds.clear();
    }

    @EventSourcingHandler
    void on(TermEnded event) {
        openTerm = null;
        lastTermEndedOn = event.endsOn();
        seats = 0;
    }

    @EventSourcingHandler
    void on(DelegateSeated event) {
        mandates.put(event.delegateId(), new Mandate(event.seatedOn(), null));
        openMandates++;
    }

    @EventSourcingHandler
    void on(MandateEnded event) {
        Mandate mandate = mandates.get(event.delegateId());
        if (mandate != null && mandate.endedOn() == null) {
            mandates.put(event.delegateId(), new Mandate(mandate.seatedOn(), event.effectiveOn()));
            openMandates--;
            mandateEnds.add(event.effectiveOn());
        }
    }

    @EventSourcingHandler
    void on(OfficeAssigned event) {
        holdings.add(new Holding(event.delegateId(), event.office(), event.committeeId(), event.effectiveOn()));
    }

    @EventSourcingHandler
    void on(OfficeVacated event) {
        String single = singleOffice(event.office(), event.committeeId());
        holdings.stream()
                .filter(h -> h.is(event.delegateId(), event.office(), event.committeeId()))
                .findFirst()
                .ifPresent(h -> {
                    // An empty holding (vacated the day it began) overlaps nobody.
                    if (single != null && event.effectiveOn().isAfter(h.since())) {
                        singleOfficeHeldUntil.merge(single, event.effectiveOn(),
                                (a, b) -> a.isAfter(b) ? a : b);
                    }
                    holdings.remove(h);
                });
    }

    @EventSourcingHandler
    void on(CommitteeFormed event) {
        committees.put(event.committeeId(), event.formedOn());
    }

    @EventSourcingHandler
    void on(CouncilDissolved event) {
        dissolved = true;
    }
}
