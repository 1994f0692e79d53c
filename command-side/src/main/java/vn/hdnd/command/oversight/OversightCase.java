package vn.hdnd.command.oversight;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.command.oversight.CouncilLookup.CouncilFacts;
import vn.hdnd.command.oversight.OversightCommands.CloseCase;
import vn.hdnd.command.oversight.OversightCommands.CloseReExaminedRecommendations;
import vn.hdnd.command.oversight.OversightCommands.CloseRecommendation;
import vn.hdnd.command.oversight.OversightCommands.IssueConclusion;
import vn.hdnd.command.oversight.OversightCommands.OpenCase;
import vn.hdnd.command.oversight.OversightCommands.OriginalDecision;
import vn.hdnd.command.oversight.OversightCommands.ReExaminationBasis;
import vn.hdnd.command.oversight.OversightCommands.RecordFinding;
import vn.hdnd.command.oversight.OversightCommands.RecordReExamination;
import vn.hdnd.command.oversight.OversightCommands.RecordResponse;
import vn.hdnd.events.oversight.AgencyResponseRecorded;
import vn.hdnd.events.oversight.ConclusionIssued;
import vn.hdnd.events.oversight.ConclusionIssued.OriginalClosure;
import vn.hdnd.events.oversight.ConductingBody;
import vn.hdnd.events.oversight.FindingRecorded;
import vn.hdnd.events.oversight.OversightCaseClosed;
import vn.hdnd.events.oversight.OversightCaseOpened;
import vn.hdnd.events.oversight.RecommendationClosed;
import vn.hdnd.events.oversight.RecommendationOutcome;
import vn.hdnd.events.oversight.RecommendationsReExamined;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.hdnd.command.RuleViolation.require;

/**
 * An oversight case (giám sát) of a council: findings, one conclusion with its recommendations, the agencies'
 * responses, each recommendation's closure, and the re-examinations that check it. Holds only what its rules need.
 *
 * <p>Dates are valid time: nothing is dated before the case opened, and nothing about a recommendation before the
 * conclusion that issued it. After a recommendation (or the case) is closed, only a re-examination may follow.
 */
@Aggregate(cache = "aggregateCache")
class OversightCase {

    @AggregateIdentifier
    private String caseId;
    private String councilId;
    private String title;
    private ConductingBody conductedBy;
    private String committeeId;
    private LocalDate openedOn;
    private final Set<String> reExamined = new HashSet<>();
    private int findings;
    private LocalDate lastFindingOn;
    private LocalDate concludedOn;
    private final Map<String, Recommendation> recommendations = new LinkedHashMap<>();
    private LocalDate closedOn;

    /** What the rules need of one recommendation. */
    private record Recommendation(String addressee, LocalDate lastReportedOn, LocalDate closedOn,
                                  Set<String> reExaminedBy) {
        Recommendation reported(LocalDate on) {
            LocalDate last = lastReportedOn == null || on.isAfter(lastReportedOn) ? on : lastReportedOn;
            return new Recommendation(addressee, last, closedOn, reExaminedBy);
        }

        Recommendation closed(LocalDate on) {
            return new Recommendation(addressee, lastReportedOn, on, reExaminedBy);
        }

        Recommendation reExaminedBy(String caseId) {
            Set<String> cases = new HashSet<>(reExaminedBy);
            cases.add(caseId);
            return new Recommendation(addressee, lastReportedOn, closedOn, Set.copyOf(cases));
        }
    }

    OversightCase() {
        // for Axon
    }

    @CommandHandler
    OversightCase(OpenCase command, CouncilLookup councils) {
        // Issue 4 / API.md: a case is opened with a scope and the agencies it supervises.
        require(given(command.scope()), "scope-stated", "an oversight case states its scope");
        require(command.subjects() != null && !command.subjects().isEmpty()
                        && command.subjects().stream().allMatch(OversightCase::given), "subjects-named",
                "an oversight case names the agencies it supervises");
        CouncilFacts council = councils.find(command.councilId()).orElseThrow(() -> new RuleViolation(
                "council-exists", "council " + command.councilId() + " is not in the record"));
        // Law 87/2015/QH13 art. 1-2: a council oversees while it exists; a dissolved council's successor takes over.
        require(council.activeOn(command.openedOn()), "council-active",
                "council " + command.councilId() + " does not exist on " + command.openedOn());
        if (command.conductedBy() == ConductingBody.COMMITTEE) {
            // Law 87/2015/QH13 ch. IV: a committee (Ban) of this council conducts the oversight in its field.
            LocalDate formedOn = command.committeeId() == null ? null : council.committees().get(command.committeeId());
            require(formedOn != null && !formedOn.isAfter(command.openedOn()), "committee-exists",
                    "committee " + command.committeeId() + " of council " + command.councilId()
                            + " does not exist on " + command.openedOn());
        } else {
            require(command.committeeId() == null, "committee-only-when-a-committee-conducts",
                    "a case conducted by the " + command.conductedBy() + " names no committee");
        }
        apply(new OversightCaseOpened(command.caseId(), command.councilId(), command.title(), command.scope(),
                command.conductedBy(), command.committeeId(), List.copyOf(command.subjects()), command.openedOn(),
                command.reExaminationOf(), List.copyOf(command.reExaminedRecommendationIds())));
    }

    @CommandHandler
    void handle(RecordFinding command) {
        requireNotClosed();
        requireNotBeforeOpened(command.recordedOn());
        // The conclusion rests on the findings: none may be dated after it.
        require(concludedOn == null || !command.recordedOn().isAfter(concludedOn), "findings-not-after-conclusion",
                "the conclusion was issued on " + concludedOn + ", before " + command.recordedOn());
        apply(new FindingRecorded(caseId, findings + 1, command.text(), command.recordedOn()));
    }

    @CommandHandler
    void handle(IssueConclusion command) {
        requireNotClosed();
        // Law 87/2015/QH13 ch. IV: an oversight ends in one conclusion (kết luận giám sát); a new case revisits it.
        require(concludedOn == null, "conclusion-once", "case " + caseId + " already has its conclusion");
        require(given(command.number()), "conclusion-numbered", "the conclusion of case " + caseId + " has a number");
        requireNotBeforeOpened(command.issuedOn());
        require(lastFindingOn == null || !command.issuedOn().isBefore(lastFindingOn), "conclusion-after-findings",
                "a finding is dated " + lastFindingOn + ", after " + command.issuedOn());
        Set<String> ids = new HashSet<>();
        for (ConclusionIssued.Recommendation r : command.recommendations()) {
            // DOMAIN.md rule 5: each recommendation is addressed to an agency, says what to do and by when.
            require(given(r.recommendationId()) && given(r.addressee()) && given(r.action()) && r.dueOn() != null,
                    "recommendation-complete", "recommendation " + r.recommendationId()
                            + " needs an id, an addressee, an action and a due date");
            require(ids.add(r.recommendationId()), "recommendation-ids-unique",
                    "recommendation " + r.recommendationId() + " appears twice");
            // DOMAIN.md rule 5: a recommendation carries a due date, which must leave the agency time to act.
            require(r.dueOn().isAfter(command.issuedOn()), "due-after-issued",
                    "recommendation " + r.recommendationId() + " is due on " + r.dueOn() + ", not after "
                            + command.issuedOn());
        }
        // A re-examination decides once on each original recommendation it re-examines, and on no other.
        Set<String> decided = new HashSet<>();
        for (OriginalDecision decision : command.decisions()) {
            String original = decision.recommendationId();
            require(reExamined.contains(original), "re-examined-recommendations-only",
                    "this case does not re-examine recommendation " + original);
            require(decided.add(original), "original-decided-once",
                    "original recommendation " + original + " is decided twice");
        }
        for (OriginalClosure closure : command.closes()) {
            require(closure.outcome() != RecommendationOutcome.SUPERSEDED, "supersede-with-a-recommendation",
                    "original recommendation " + closure.recommendationId()
                            + " is superseded by naming it in a new recommendation's supersedes");
            requireReason(closure.recommendationId(), closure.reason());
        }
        apply(new ConclusionIssued(caseId, command.number(), command.issuedOn(), command.summary(),
                List.copyOf(command.recommendations()), List.copyOf(command.closes())));
    }

    @CommandHandler
    void handle(RecordResponse command) {
        requireNotClosed();
        requireOpenRecommendation(command.recommendationId());
        requireNotBeforeConclusion(command.reportedOn());
        apply(new AgencyResponseRecorded(caseId, command.recommendationId(), command.reportedOn(), command.report(),
                command.status()));
    }

    @CommandHandler
    void handle(CloseRecommendation command) {
        requireNotClosed();
        Recommendation r = requireOpenRecommendation(command.recommendationId());
        requireReason(command.recommendationId(), command.reason());
        requireNotBeforeConclusion(command.closedOn());
        requireAfterResponses(command.recommendationId(), r, command.closedOn());
        apply(new RecommendationClosed(caseId, command.recommendationId(), command.outcome(), command.closedOn(),
                command.reason(), null, null));
    }

    @CommandHandler
    ReExaminationBasis handle(RecordReExamination command) {
        // Re-examination (tái giám sát) checks how a conclusion was carried out: it needs one, and may follow even
        // the case's closure (Res. 594/NQ-UBTVQH15 on following up oversight conclusions).
        require(concludedOn != null, "re-examination-needs-conclusion",
                "case " + caseId + " has no conclusion to re-examine");
        require(!command.reExaminationCaseId().equals(caseId), "re-examination-is-a-new-case",
                "a re-examination opens a case other than " + caseId);
        require(!command.openedOn().isBefore(concludedOn), "re-examination-after-conclusion",
                "the conclusion was issued on " + concludedOn + ", after " + command.openedOn());
        Set<String> addressees = new LinkedHashSet<>();
        for (String id : command.recommendationIds()) {
            Recommendation r = recommendations.get(id);
            require(r != null, "recommendation-exists", "case " + caseId + " has no recommendation " + id);
            addressees.add(r.addressee());
        }
        apply(new RecommendationsReExamined(caseId, command.reExaminationCaseId(),
                List.copyOf(command.recommendationIds()), command.reason(), command.openedOn()));
        return new ReExaminationBasis(councilId, title, conductedBy, committeeId, List.copyOf(addressees));
    }

    @CommandHandler
    void handle(CloseReExaminedRecommendations command) {
        for (OriginalDecision decision : command.decisions()) {
            Recommendation r = requireOpenRecommendation(decision.recommendationId());
            // Only the case that re-examined a recommendation may decide on it in its conclusion.
            require(r.reExaminedBy().contains(command.byCaseId()), "re-examined-by-that-case",
                    "recommendation " + decision.recommendationId() + " is not re-examined by " + command.byCaseId());
            requireAfterResponses(decision.recommendationId(), r, command.closedOn());
            apply(new RecommendationClosed(caseId, decision.recommendationId(), decision.outcome(),
                    command.closedOn(), decision.reason(), command.byCaseId(), decision.supersededBy()));
        }
    }

    @CommandHandler
    void handle(CloseCase command) {
        requireNotClosed();
        require(concludedOn != null, "closure-needs-conclusion", "case " + caseId + " has no conclusion yet");
        requireNotBeforeConclusion(command.closedOn());
        // DOMAIN.md rule 5: a case is done only when every recommendation is closed, on or before that day.
        List<String> open = recommendations.entrySet().stream()
                .filter(e -> e.getValue().closedOn() == null || e.getValue().closedOn().isAfter(command.closedOn()))
                .map(Map.Entry::getKey)
                .toList();
        require(open.isEmpty(), "all-recommendations-closed",
                "recommendations " + open + " are not closed on " + command.closedOn());
        apply(new OversightCaseClosed(caseId, command.closedOn()));
    }

    private void requireNotClosed() {
        require(closedOn == null, "case-not-closed", "case " + caseId + " was closed on " + closedOn
                + "; only a re-examination may follow");
    }

    private void requireNotBeforeOpened(LocalDate date) {
        require(!date.isBefore(openedOn), "not-before-opened",
                date + " is before the case was opened on " + openedOn);
    }

    /** Only once the conclusion is issued (every caller checks that first, through a recommendation or directly). */
    private void requireNotBeforeConclusion(LocalDate date) {
        require(!date.isBefore(concludedOn), "not-before-conclusion",
                date + " is before the conclusion was issued on " + concludedOn);
    }

    private Recommendation requireOpenRecommendation(String recommendationId) {
        Recommendation r = recommendations.get(recommendationId);
        require(r != null, "recommendation-exists", "case " + caseId + " has no recommendation " + recommendationId);
        require(r.closedOn() == null, "recommendation-open",
                "recommendation " + recommendationId + " was closed on " + r.closedOn());
        return r;
    }

    /** Issue 4: a recommendation is closed with an outcome and a reason, which the record publishes with it. */
    private static void requireReason(String id, String reason) {
        require(given(reason), "closure-reasoned", "the closure of recommendation " + id + " gives its reason");
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /** A closure is the last word: no response about the recommendation may be dated after it. */
    private static void requireAfterResponses(String id, Recommendation r, LocalDate closedOn) {
        require(r.lastReportedOn() == null || !closedOn.isBefore(r.lastReportedOn()), "closure-after-responses",
                "recommendation " + id + " has a response dated " + r.lastReportedOn() + ", after " + closedOn);
    }

    @EventSourcingHandler
    void on(OversightCaseOpened event) {
        caseId = event.caseId();
        councilId = event.councilId();
        title = event.title();
        conductedBy = event.conductedBy();
        committeeId = event.committeeId();
        openedOn = event.openedOn();
        reExamined.addAll(event.reExaminedRecommendationIds());
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings = event.number();
        if (lastFindingOn == null || event.recordedOn().isAfter(lastFindingOn)) {
            lastFindingOn = event.recordedOn();
        }
    }

    @EventSourcingHandler
    void on(ConclusionIssued event) {
        concludedOn = event.issuedOn();
        event.recommendations().forEach(r ->
                recommendations.put(r.recommendationId(), new Recommendation(r.addressee(), null, null, Set.of())));
    }

    @EventSourcingHandler
    void on(AgencyResponseRecorded event) {
        recommendations.computeIfPresent(event.recommendationId(), (id, r) -> r.reported(event.reportedOn()));
    }

    @EventSourcingHandler
    void on(RecommendationClosed event) {
        recommendations.computeIfPresent(event.recommendationId(), (id, r) -> r.closed(event.closedOn()));
    }

    @EventSourcingHandler
    void on(RecommendationsReExamined event) {
        event.recommendationIds().forEach(id -> recommendations.computeIfPresent(id,
                (key, r) -> r.reExaminedBy(event.reExaminationCaseId())));
    }

    @EventSourcingHandler
    void on(OversightCaseClosed event) {
        closedOn = event.closedOn();
    }
}
