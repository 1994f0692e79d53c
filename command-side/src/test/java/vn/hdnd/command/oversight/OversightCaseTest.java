package vn.hdnd.command.oversight;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
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
import vn.hdnd.events.oversight.ConclusionIssued.Recommendation;
import vn.hdnd.events.oversight.ConductingBody;
import vn.hdnd.events.oversight.FindingRecorded;
import vn.hdnd.events.oversight.OversightCaseClosed;
import vn.hdnd.events.oversight.OversightCaseOpened;
import vn.hdnd.events.oversight.RecommendationClosed;
import vn.hdnd.events.oversight.RecommendationOutcome;
import vn.hdnd.events.oversight.RecommendationsReExamined;
import vn.hdnd.events.oversight.ResponseStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of the oversight case aggregate, each breaking the rule on purpose. */
class OversightCaseTest {
    private static final String COUNCIL = "vn-hn";
    private static final String ID = "vn-hn-gs-dat-dai";
    private static final String RE_ID = "vn-hn-tgs-dat-dai";
    private static final String COMMITTEE = "vn-hn-kinh-te-ngan-sach";
    private static final String UBND = "UBND thành phố Hà Nội";
    private static final String SO_TNMT = "Sở Tài nguyên và Môi trường";
    private static final LocalDate ESTABLISHED = LocalDate.of(2008, 8, 1);
    private static final LocalDate COMMITTEE_FORMED = LocalDate.of(2021, 6, 23);
    private static final LocalDate OPENED = LocalDate.of(2019, 4, 1);
    private static final LocalDate FOUND = LocalDate.of(2019, 5, 15);
    private static final LocalDate CONCLUDED = LocalDate.of(2019, 7, 10);
    private static final LocalDate DUE = LocalDate.of(2020, 6, 30);
    private static final LocalDate REPORTED = LocalDate.of(2020, 3, 1);
    private static final LocalDate RE_OPENED = LocalDate.of(2021, 8, 1);
    private static final LocalDate RE_CONCLUDED = LocalDate.of(2021, 10, 20);

    private FixtureConfiguration<OversightCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OversightCase.class);
        Map<String, CouncilFacts> councils = Map.of(
                COUNCIL, new CouncilFacts(ESTABLISHED, null, Map.of(COMMITTEE, COMMITTEE_FORMED)),
                "vn-hn-old", new CouncilFacts(ESTABLISHED, LocalDate.of(2020, 1, 1), Map.of()));
        fixture.registerInjectableResource((CouncilLookup) id -> Optional.ofNullable(councils.get(id)));
    }

    // ---------------------------------------------------------------- events of the story

    private static OversightCaseOpened opened() {
        return new OversightCaseOpened(ID, COUNCIL, "Quản lý dự án sử dụng đất chậm triển khai",
                "Dự án chậm triển khai, vi phạm Luật Đất đai", ConductingBody.COUNCIL, null, List.of(UBND, SO_TNMT),
                OPENED, null, List.of());
    }

    private static FindingRecorded finding() {
        return new FindingRecorded(ID, 1, "Nhiều dự án chậm triển khai nhiều năm", FOUND);
    }

    private static Recommendation recommendation(String id, String addressee) {
        return new Recommendation(id, addressee, "Rà soát, thu hồi đất dự án vi phạm", DUE, List.of());
    }

    private static ConclusionIssued concluded() {
        return new ConclusionIssued(ID, "01/KL-HĐND", CONCLUDED, "Kết luận giám sát",
                List.of(recommendation("r1", UBND), recommendation("r2", SO_TNMT)), List.of());
    }

    private static AgencyResponseRecorded response(String rec, LocalDate on) {
        return new AgencyResponseRecorded(ID, rec, on, "Đang rà soát", ResponseStatus.IN_PROGRESS);
    }

    private static RecommendationClosed closed(String rec, LocalDate on) {
        return new RecommendationClosed(ID, rec, RecommendationOutcome.IMPLEMENTED, on, "Đã thực hiện", null, null);
    }

    private static RecommendationsReExamined reExamined(String... recs) {
        return new RecommendationsReExamined(ID, RE_ID, List.of(recs), "Chậm thực hiện", RE_OPENED);
    }

    /** The re-examination case, re-examining r1 and r2 of the original. */
    private static OversightCaseOpened reOpened() {
        return new OversightCaseOpened(RE_ID, COUNCIL, "Tái giám sát: dự án sử dụng đất", "Chậm thực hiện",
                ConductingBody.STANDING_COMMITTEE, null, List.of(UBND), RE_OPENED, ID, List.of("r1", "r2"));
    }

    private static OpenCase open(String council, ConductingBody by, String committee, LocalDate on) {
        return open("Dự án chậm triển khai, vi phạm Luật Đất đai", List.of(UBND, SO_TNMT), council, by, committee,
                on);
    }

    private static OpenCase open(String scope, List<String> subjects) {
        return open(scope, subjects, COUNCIL, ConductingBody.COUNCIL, null, OPENED);
    }

    private static OpenCase open(String scope, List<String> subjects, String council, ConductingBody by,
                                 String committee, LocalDate on) {
        return new OpenCase(ID, council, "Quản lý dự án sử dụng đất chậm triển khai", scope, by, committee, subjects,
                on, null, List.of());
    }

    private static IssueConclusion conclusion(LocalDate on, List<Recommendation> recommendations) {
        return new IssueConclusion(ID, null, "01/KL-HĐND", on, "Kết luận giám sát", recommendations, List.of());
    }

    private static IssueConclusion reConclusion(List<Recommendation> recommendations, List<OriginalClosure> closes) {
        return new IssueConclusion(RE_ID, null, "05/KL-TTHĐND", RE_CONCLUDED, "Kết luận tái giám sát",
                recommendations, closes);
    }

    private static Recommendation replacing(String id, String... originals) {
        return new Recommendation(id, UBND, "Hoàn thành xử lý dứt điểm", LocalDate.of(2022, 6, 30),
                List.of(originals));
    }

    private static OriginalClosure closing(String original, RecommendationOutcome outcome) {
        return new OriginalClosure(original, outcome, "Kết luận tái giám sát");
    }

    private static void violates(ResultValidator<OversightCase> result, String rule) {
        result.expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<RuleViolation>("a violation of " + rule) {
                    @Override
                    protected boolean matchesSafely(RuleViolation violation) {
                        return violation.rule().equals(rule);
                    }
                });
    }

    // ---------------------------------------------------------------- opening

    @Test
    void opensACaseConductedByTheCouncil() {
        fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COUNCIL, null, OPENED))
                .expectEvents(opened());
    }

    @Test
    void opensACaseConductedByACommitteeOfTheCouncil() {
        LocalDate on = LocalDate.of(2021, 9, 1);
        fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COMMITTEE, COMMITTEE, on))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OversightCaseOpened(ID, COUNCIL, "Quản lý dự án sử dụng đất chậm triển khai",
                        "Dự án chậm triển khai, vi phạm Luật Đất đai", ConductingBody.COMMITTEE, COMMITTEE,
                        List.of(UBND, SO_TNMT), on, null, List.of()));
    }

    @Test
    void councilExists() {
        violates(fixture.givenNoPriorActivity()
                .when(open("vn-xx", ConductingBody.COUNCIL, null, OPENED)), "council-exists");
    }

    @Test
    void councilActiveRejectsADateBeforeTheCouncilWasEstablished() {
        violates(fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COUNCIL, null, LocalDate.of(2008, 7, 31))), "council-active");
    }

    @Test
    void councilActiveRejectsADissolvedCouncil() {
        violates(fixture.givenNoPriorActivity()
                .when(open("vn-hn-old", ConductingBody.STANDING_COMMITTEE, null, LocalDate.of(2020, 1, 1))),
                "council-active");
    }

    @Test
    void committeeExistsRejectsAnUnknownCommittee() {
        violates(fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COMMITTEE, "vn-hn-khong-co", LocalDate.of(2021, 9, 1))),
                "committee-exists");
    }

    @Test
    void committeeExistsRejectsACommitteeFormedAfterTheOpening() {
        violates(fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COMMITTEE, COMMITTEE, LocalDate.of(2021, 6, 22))),
                "committee-exists");
    }

    @Test
    void committeeExistsRejectsACommitteeCaseWithoutItsCommittee() {
        violates(fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.COMMITTEE, null, LocalDate.of(2021, 9, 1))), "committee-exists");
    }

    @Test
    void committeeOnlyWhenACommitteeConducts() {
        violates(fixture.givenNoPriorActivity()
                .when(open(COUNCIL, ConductingBody.DELEGATE_GROUP, COMMITTEE, LocalDate.of(2021, 9, 1))),
                "committee-only-when-a-committee-conducts");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void scopeStated(String scope) {
        violates(fixture.givenNoPriorActivity().when(open(scope, List.of(UBND))), "scope-stated");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void subjectsNamed(List<String> subjects) {
        violates(fixture.givenNoPriorActivity().when(open("Đất đai", subjects)), "subjects-named");
    }

    @Test
    void subjectsNamedRejectsABlankSubject() {
        violates(fixture.givenNoPriorActivity().when(open("Đất đai", List.of(UBND, " "))), "subjects-named");
    }

    // ---------------------------------------------------------------- findings

    @Test
    void recordsNumberedFindings() {
        fixture.given(opened(), finding())
                .when(new RecordFinding(ID, null, "Chưa xử lý dứt điểm", FOUND.plusDays(1)))
                .expectEvents(new FindingRecorded(ID, 2, "Chưa xử lý dứt điểm", FOUND.plusDays(1)));
    }

    @Test
    void notBeforeOpenedRejectsAFindingDatedBeforeTheCase() {
        violates(fixture.given(opened())
                .when(new RecordFinding(ID, null, "Sớm", OPENED.minusDays(1))), "not-before-opened");
    }

    @Test
    void findingsNotAfterConclusion() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordFinding(ID, null, "Muộn", CONCLUDED.plusDays(1))), "findings-not-after-conclusion");
    }

    @Test
    void caseNotClosedRejectsAFindingOnAClosedCase() {
        violates(fixture.given(opened(), concluded(), closed("r1", DUE), closed("r2", DUE),
                        new OversightCaseClosed(ID, DUE))
                .when(new RecordFinding(ID, null, "Muộn", CONCLUDED)), "case-not-closed");
    }

    // ---------------------------------------------------------------- the conclusion

    @Test
    void issuesTheConclusionWithItsRecommendations() {
        fixture.given(opened(), finding())
                .when(conclusion(CONCLUDED, List.of(recommendation("r1", UBND), recommendation("r2", SO_TNMT))))
                .expectEvents(concluded());
    }

    @Test
    void conclusionOnce() {
        violates(fixture.given(opened(), concluded())
                .when(conclusion(CONCLUDED, List.of(recommendation("r3", UBND)))), "conclusion-once");
    }

    @Test
    void notBeforeOpenedRejectsAConclusionDatedBeforeTheCase() {
        violates(fixture.given(opened())
                .when(conclusion(OPENED.minusDays(1), List.of())), "not-before-opened");
    }

    @Test
    void conclusionAfterFindings() {
        violates(fixture.given(opened(), finding())
                .when(conclusion(FOUND.minusDays(1), List.of(recommendation("r1", UBND)))),
                "conclusion-after-findings");
    }

    @Test
    void recommendationIdsUnique() {
        violates(fixture.given(opened())
                .when(conclusion(CONCLUDED, List.of(recommendation("r1", UBND), recommendation("r1", SO_TNMT)))),
                "recommendation-ids-unique");
    }

    @Test
    void dueAfterIssued() {
        violates(fixture.given(opened())
                .when(conclusion(CONCLUDED, List.of(new Recommendation("r1", UBND, "Ngay", CONCLUDED, List.of())))),
                "due-after-issued");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void conclusionNumbered(String number) {
        violates(fixture.given(opened())
                .when(new IssueConclusion(ID, null, number, CONCLUDED, "Kết luận", List.of(), List.of())),
                "conclusion-numbered");
    }

    /** Each lacks one of id, addressee, action and due date. */
    static List<Recommendation> incompleteRecommendations() {
        return List.of(new Recommendation(null, UBND, "Rà soát", DUE, List.of()),
                new Recommendation("r1", null, "Rà soát", DUE, List.of()),
                new Recommendation("r1", " ", "Rà soát", DUE, List.of()),
                new Recommendation("r1", UBND, "", DUE, List.of()),
                new Recommendation("r1", UBND, "Rà soát", null, List.of()));
    }

    @ParameterizedTest
    @MethodSource("incompleteRecommendations")
    void recommendationComplete(Recommendation incomplete) {
        violates(fixture.given(opened())
                .when(conclusion(CONCLUDED, List.of(recommendation("r0", SO_TNMT), incomplete))),
                "recommendation-complete");
    }

    @Test
    void closureReasonedRejectsAReExaminationClosingAnOriginalWithoutAReason() {
        violates(fixture.given(reOpened())
                .when(reConclusion(List.of(), List.of(
                        new OriginalClosure("r1", RecommendationOutcome.NOT_IMPLEMENTED, " ")))),
                "closure-reasoned");
    }

    @Test
    void aReExaminationsConclusionDecidesOnTheOriginalRecommendations() {
        IssueConclusion conclusion = reConclusion(List.of(replacing("r1", "r1")),
                List.of(closing("r2", RecommendationOutcome.NOT_IMPLEMENTED)));
        fixture.given(reOpened())
                .when(conclusion)
                .expectEvents(new ConclusionIssued(RE_ID, "05/KL-TTHĐND", RE_CONCLUDED, "Kết luận tái giám sát",
                        List.of(replacing("r1", "r1")), List.of(closing("r2", RecommendationOutcome.NOT_IMPLEMENTED))));
        // What the coordinator closes on the original case, in the same transaction.
        assertThat(conclusion.decisions()).containsExactly(
                new OriginalDecision("r1", RecommendationOutcome.SUPERSEDED,
                        "Thay thế bởi kiến nghị r1 của kết luận 05/KL-TTHĐND", "r1"),
                new OriginalDecision("r2", RecommendationOutcome.NOT_IMPLEMENTED, "Kết luận tái giám sát", null));
    }

    @Test
    void reExaminedRecommendationsOnlyForClosures() {
        violates(fixture.given(reOpened())
                .when(reConclusion(List.of(), List.of(closing("r9", RecommendationOutcome.IMPLEMENTED)))),
                "re-examined-recommendations-only");
    }

    @Test
    void reExaminedRecommendationsOnlyForSupersession() {
        violates(fixture.given(opened())
                .when(conclusion(CONCLUDED, List.of(new Recommendation("r1", UBND, "Mới", DUE, List.of("x1"))))),
                "re-examined-recommendations-only");
    }

    @Test
    void originalDecidedOnce() {
        violates(fixture.given(reOpened())
                .when(reConclusion(List.of(replacing("n1", "r1")),
                        List.of(closing("r1", RecommendationOutcome.NOT_IMPLEMENTED)))), "original-decided-once");
    }

    @Test
    void supersedeWithARecommendation() {
        violates(fixture.given(reOpened())
                .when(reConclusion(List.of(), List.of(closing("r1", RecommendationOutcome.SUPERSEDED)))),
                "supersede-with-a-recommendation");
    }

    // ---------------------------------------------------------------- responses and closures

    @Test
    void recordsResponsesOverTime() {
        fixture.given(opened(), concluded(), response("r1", REPORTED))
                .when(new RecordResponse(ID, null, "r1", REPORTED.plusMonths(3), "Đã thu hồi 10 dự án",
                        ResponseStatus.PARTIALLY_IMPLEMENTED))
                .expectEvents(new AgencyResponseRecorded(ID, "r1", REPORTED.plusMonths(3), "Đã thu hồi 10 dự án",
                        ResponseStatus.PARTIALLY_IMPLEMENTED));
    }

    @Test
    void recommendationExists() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordResponse(ID, null, "r9", REPORTED, "?", ResponseStatus.IN_PROGRESS)),
                "recommendation-exists");
    }

    @Test
    void notBeforeConclusionRejectsAResponseDatedBeforeTheConclusion() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordResponse(ID, null, "r1", CONCLUDED.minusDays(1), "Sớm", ResponseStatus.IN_PROGRESS)),
                "not-before-conclusion");
    }

    @Test
    void recommendationOpenRejectsAResponseAfterClosure() {
        violates(fixture.given(opened(), concluded(), closed("r1", REPORTED))
                .when(new RecordResponse(ID, null, "r1", REPORTED.plusDays(1), "Muộn", ResponseStatus.IMPLEMENTED)),
                "recommendation-open");
    }

    @Test
    void caseNotClosedRejectsAResponseOnAClosedCase() {
        violates(fixture.given(opened(), concluded(), closed("r1", DUE), closed("r2", DUE),
                        new OversightCaseClosed(ID, DUE))
                .when(new RecordResponse(ID, null, "r1", DUE, "Muộn", ResponseStatus.IMPLEMENTED)),
                "case-not-closed");
    }

    @Test
    void closesARecommendationWithAnOutcome() {
        fixture.given(opened(), concluded(), response("r1", REPORTED))
                .when(new CloseRecommendation(ID, null, "r1", RecommendationOutcome.WITHDRAWN, REPORTED,
                        "Không còn phù hợp"))
                .expectEvents(new RecommendationClosed(ID, "r1", RecommendationOutcome.WITHDRAWN, REPORTED,
                        "Không còn phù hợp", null, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void closureReasoned(String reason) {
        violates(fixture.given(opened(), concluded())
                .when(new CloseRecommendation(ID, null, "r1", RecommendationOutcome.IMPLEMENTED, REPORTED, reason)),
                "closure-reasoned");
    }

    @Test
    void recommendationOpenRejectsASecondClosure() {
        violates(fixture.given(opened(), concluded(), closed("r1", REPORTED))
                .when(new CloseRecommendation(ID, null, "r1", RecommendationOutcome.NOT_IMPLEMENTED, DUE, "Lại")),
                "recommendation-open");
    }

    @Test
    void notBeforeConclusionRejectsAClosureDatedBeforeTheConclusion() {
        violates(fixture.given(opened(), concluded())
                .when(new CloseRecommendation(ID, null, "r1", RecommendationOutcome.IMPLEMENTED,
                        CONCLUDED.minusDays(1), "Sớm")), "not-before-conclusion");
    }

    @Test
    void closureAfterResponses() {
        violates(fixture.given(opened(), concluded(), response("r1", REPORTED))
                .when(new CloseRecommendation(ID, null, "r1", RecommendationOutcome.IMPLEMENTED,
                        REPORTED.minusDays(1), "Trước báo cáo")), "closure-after-responses");
    }

    // ---------------------------------------------------------------- re-examination

    @Test
    void recordsAReExaminationAndAnswersWhatTheNewCaseNeeds() {
        fixture.given(opened(), concluded(), closed("r2", REPORTED))
                .when(new RecordReExamination(ID, null, RE_ID, List.of("r1", "r2"), "Chậm thực hiện", RE_OPENED))
                .expectEvents(reExamined("r1", "r2"))
                .expectResultMessagePayload(new ReExaminationBasis(COUNCIL,
                        "Quản lý dự án sử dụng đất chậm triển khai", ConductingBody.COUNCIL, null,
                        List.of(UBND, SO_TNMT)));
    }

    @Test
    void aClosedCaseMayStillBeReExamined() {
        fixture.given(opened(), concluded(), closed("r1", DUE), closed("r2", DUE), new OversightCaseClosed(ID, DUE),
                        reExamined("r1"))
                .when(new RecordReExamination(ID, null, "vn-hn-tgs-2", List.of("r1"), "Lần hai", RE_OPENED))
                .expectEvents(new RecommendationsReExamined(ID, "vn-hn-tgs-2", List.of("r1"), "Lần hai", RE_OPENED));
    }

    @Test
    void reExaminationNeedsConclusion() {
        violates(fixture.given(opened())
                .when(new RecordReExamination(ID, null, RE_ID, List.of("r1"), "?", RE_OPENED)),
                "re-examination-needs-conclusion");
    }

    @Test
    void reExaminationIsANewCase() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordReExamination(ID, null, ID, List.of("r1"), "?", RE_OPENED)),
                "re-examination-is-a-new-case");
    }

    @Test
    void reExaminationAfterConclusion() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordReExamination(ID, null, RE_ID, List.of("r1"), "?", CONCLUDED.minusDays(1))),
                "re-examination-after-conclusion");
    }

    @Test
    void recommendationExistsForAReExamination() {
        violates(fixture.given(opened(), concluded())
                .when(new RecordReExamination(ID, null, RE_ID, List.of("r1", "r9"), "?", RE_OPENED)),
                "recommendation-exists");
    }

    @Test
    void closesTheOriginalRecommendationsTheReExaminationDecidedOn() {
        fixture.given(opened(), concluded(), reExamined("r1", "r2"))
                .when(new CloseReExaminedRecommendations(ID, RE_ID, RE_CONCLUDED, List.of(
                        new OriginalDecision("r1", RecommendationOutcome.SUPERSEDED, "Thay thế", "n1"),
                        new OriginalDecision("r2", RecommendationOutcome.IMPLEMENTED, "Đã xong", null))))
                .expectEvents(
                        new RecommendationClosed(ID, "r1", RecommendationOutcome.SUPERSEDED, RE_CONCLUDED, "Thay thế",
                                RE_ID, "n1"),
                        new RecommendationClosed(ID, "r2", RecommendationOutcome.IMPLEMENTED, RE_CONCLUDED, "Đã xong",
                                RE_ID, null));
    }

    @Test
    void reExaminedByThatCase() {
        violates(fixture.given(opened(), concluded(), reExamined("r1"))
                .when(new CloseReExaminedRecommendations(ID, RE_ID, RE_CONCLUDED, List.of(
                        new OriginalDecision("r2", RecommendationOutcome.IMPLEMENTED, "?", null)))),
                "re-examined-by-that-case");
    }

    @Test
    void recommendationOpenRejectsAReExaminationClosingAClosedRecommendation() {
        violates(fixture.given(opened(), concluded(), reExamined("r1"), closed("r1", RE_OPENED))
                .when(new CloseReExaminedRecommendations(ID, RE_ID, RE_CONCLUDED, List.of(
                        new OriginalDecision("r1", RecommendationOutcome.NOT_IMPLEMENTED, "?", null)))),
                "recommendation-open");
    }

    @Test
    void closureAfterResponsesAlsoForAReExamination() {
        violates(fixture.given(opened(), concluded(), reExamined("r1"), response("r1", RE_CONCLUDED.plusDays(1)))
                .when(new CloseReExaminedRecommendations(ID, RE_ID, RE_CONCLUDED, List.of(
                        new OriginalDecision("r1", RecommendationOutcome.NOT_IMPLEMENTED, "?", null)))),
                "closure-after-responses");
    }

    // ---------------------------------------------------------------- closing the case

    @Test
    void closesTheCaseOnceEveryRecommendationIsClosed() {
        fixture.given(opened(), concluded(), closed("r1", REPORTED), closed("r2", DUE))
                .when(new CloseCase(ID, null, DUE))
                .expectEvents(new OversightCaseClosed(ID, DUE));
    }

    @Test
    void closureNeedsConclusion() {
        violates(fixture.given(opened())
                .when(new CloseCase(ID, null, DUE)), "closure-needs-conclusion");
    }

    @Test
    void allRecommendationsClosed() {
        violates(fixture.given(opened(), concluded(), closed("r1", REPORTED))
                .when(new CloseCase(ID, null, DUE)), "all-recommendations-closed");
    }

    @Test
    void allRecommendationsClosedOnTheClosingDate() {
        violates(fixture.given(opened(), concluded(), closed("r1", REPORTED), closed("r2", DUE))
                .when(new CloseCase(ID, null, DUE.minusDays(1))), "all-recommendations-closed");
    }

    @Test
    void notBeforeConclusionRejectsAClosureOfTheCaseBeforeItsConclusion() {
        violates(fixture.given(new OversightCaseOpened(ID, COUNCIL, "Khảo sát", null, ConductingBody.COUNCIL, null,
                        List.of(UBND), OPENED, null, List.of()),
                        new ConclusionIssued(ID, "02/KL", CONCLUDED, "Không có kiến nghị", List.of(), List.of()))
                .when(new CloseCase(ID, null, CONCLUDED.minusDays(1))), "not-before-conclusion");
    }

    @Test
    void caseNotClosedRejectsASecondClosure() {
        violates(fixture.given(opened(), concluded(), closed("r1", DUE), closed("r2", DUE),
                        new OversightCaseClosed(ID, DUE))
                .when(new CloseCase(ID, null, DUE.plusDays(1))), "case-not-closed");
    }
}
