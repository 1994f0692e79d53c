package vn.hdnd.command.council;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.hamcrest.Matchers.equalTo;

/** One test per rule of the council aggregate, each breaking the rule on purpose. */
class CouncilTest {
    private static final String ID = "vn-hn-ba-vi";
    private static final LocalDate ESTABLISHED = LocalDate.of(2008, 8, 1);
    private static final LocalDate TERM_START = LocalDate.of(2021, 5, 23);
    private static final LocalDate SEATED = LocalDate.of(2021, 6, 1);
    private static final LocalDate SESSION = LocalDate.of(2021, 6, 25);

    private FixtureConfiguration<Council> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Council.class);
        Map<String, Tier> known = Map.of("vn-hn", Tier.PROVINCE, "vn-hn-ba-vi", Tier.DISTRICT);
        fixture.registerInjectableResource((CouncilDirectory) id -> Optional.ofNullable(known.get(id)));
    }

    private static CouncilEstablished established() {
        return new CouncilEstablished(ID, "HĐND huyện Ba Vì", Tier.DISTRICT, "vn-hn", ESTABLISHED);
    }

    private static TermOpened term(int seats) {
        return new TermOpened(ID, "2021-2026", seats, TERM_START);
    }

    private static DelegateSeated seated(String delegateId) {
        return new DelegateSeated(ID, delegateId, "Nguyễn Văn " + delegateId, false, "Đơn vị 1", "2021-2026", SEATED);
    }

    private static CommitteeFormed committee(String committeeId) {
        return new CommitteeFormed(ID, committeeId, "Ban Pháp chế", SESSION);
    }

    private static OfficeAssigned office(String delegateId, Office office, String committeeId) {
        return new OfficeAssigned(ID, delegateId, office, committeeId, true, SESSION, "Nghị quyết số 1");
    }

    @Test
    void establishesACouncilUnderItsParent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCouncil(ID, "HĐND huyện Ba Vì", Tier.DISTRICT, "vn-hn", ESTABLISHED))
                .expectEvents(established());
    }

    @Test
    void rejectsACouncilWhoseParentIsNotInTheRecord() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCouncil("vn-hcm-q1", "HĐND quận 1", Tier.DISTRICT, "vn-hcm", ESTABLISHED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("parent council vn-hcm is not in the record");
    }

    @Test
    void rejectsACouncilTwoTiersBelowItsParent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCouncil("vn-hn-xa", "HĐND xã", Tier.COMMUNE, "vn-hn", ESTABLISHED))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsACouncilIdThatDoesNotNestUnderItsParent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCouncil("ba-vi", "HĐND huyện Ba Vì", Tier.DISTRICT, "vn-hn", ESTABLISHED))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsAProvinceCouncilWithAParent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCouncil("vn-hn-x", "HĐND", Tier.PROVINCE, "vn-hn", ESTABLISHED))
                .expectException(RuleViolation.class);
    }

    @Test
    void opensATerm() {
        fixture.given(established())
                .when(new OpenTerm(ID, null, "2021-2026", 35, TERM_START))
                .expectEvents(term(35));
    }

    @Test
    void rejectsASecondOpenTerm() {
        fixture.given(established(), term(35))
                .when(new OpenTerm(ID, null, "2026-2031", 35, LocalDate.of(2026, 3, 15)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("term 2021-2026 is still open; end it before opening 2026-2031");
    }

    @Test
    void opensTheNextTermOnceTheFirstHasEnded() {
        LocalDate end = LocalDate.of(2026, 3, 15);
        fixture.given(established(), term(35), new TermEnded(ID, "2021-2026", end))
                .when(new OpenTerm(ID, null, "2026-2031", 30, end))
                .expectEvents(new TermOpened(ID, "2026-2031", 30, end));
    }

    @Test
    void rejectsReopeningATermNameAlreadyUsed() {
        LocalDate end = LocalDate.of(2026, 3, 15);
        fixture.given(established(), term(35), new TermEnded(ID, "2021-2026", end))
                .when(new OpenTerm(ID, null, "2021-2026", 35, end))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("term 2021-2026 was already opened in this council");
    }

    @Test
    void rejectsATermStartingBeforeThePreviousTermEnded() {
        LocalDate end = LocalDate.of(2026, 3, 15);
        fixture.given(established(), term(35), new TermEnded(ID, "2021-2026", end))
                .when(new OpenTerm(ID, null, "2026-2031", 30, end.minusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the previous term ended on 2026-03-15, after 2026-03-14");
    }

    @Test
    void endingATermEndsEveryOpenMandateAndOffice() {
        LocalDate end = LocalDate.of(2026, 3, 15);
        fixture.given(established(), term(35), seated("d1"), seated("d2"), office("d1", Office.CHAIR, null))
                .when(new EndTerm(ID, null, "2021-2026", end))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new OfficeVacated(ID, "d1", Office.CHAIR, null, end,
                                "Hết nhiệm kỳ 2021-2026"))),
                        messageWithPayload(equalTo(new MandateEnded(ID, "d1", MandateEndReason.TERM_ENDED, end,
                                "Hết nhiệm kỳ 2021-2026"))),
                        messageWithPayload(equalTo(new MandateEnded(ID, "d2", MandateEndReason.TERM_ENDED, end,
                                "Hết nhiệm kỳ 2021-2026"))),
                        messageWithPayload(equalTo(new TermEnded(ID, "2021-2026", end))),
                        andNoMore()));
    }

    @Test
    void seatsADelegate() {
        fixture.given(established(), term(2))
                .when(new SeatDelegate(ID, null, "d1", "Nguyễn Văn d1", false, "Đơn vị 1", SEATED))
                .expectEvents(seated("d1"));
    }

    @Test
    void rejectsADelegateBeyondTheSeats() {
        fixture.given(established(), term(2), seated("d1"), seated("d2"))
                .when(new SeatDelegate(ID, null, "d3", "Lê Thị Ba", false, "Đơn vị 2", SEATED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("all 2 seats of term 2021-2026 are taken on 2021-06-01");
    }

    @Test
    void seatsASuccessorOnceAMandateHasEnded() {
        LocalDate later = LocalDate.of(2022, 1, 10);
        fixture.given(established(), term(2), seated("d1"), seated("d2"),
                        new MandateEnded(ID, "d2", MandateEndReason.TRANSFERRED, later, "Quyết định 5"))
                .when(new SeatDelegate(ID, null, "d3", "Lê Thị Ba", false, "Đơn vị 2", later))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsARetroactiveSeatWhileTheSeatWasStillTaken() {
        LocalDate ended = LocalDate.of(2022, 1, 10);
        fixture.given(established(), term(2), seated("d1"), seated("d2"),
                        new MandateEnded(ID, "d2", MandateEndReason.TRANSFERRED, ended, "Quyết định 5"))
                .when(new SeatDelegate(ID, null, "d3", "Lê Thị Ba", false, "Đơn vị 2", LocalDate.of(2021, 12, 1)))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsSeatingTheSameDelegateTwice() {
        fixture.given(established(), term(5), seated("d1"))
                .when(new SeatDelegate(ID, null, "d1", "Nguyễn Văn d1", false, "Đơn vị 1", SEATED))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsASeatWithoutAnOpenTerm() {
        fixture.given(established())
                .when(new SeatDelegate(ID, null, "d1", "Nguyễn Văn d1", false, "Đơn vị 1", SEATED))
                .expectException(RuleViolation.class);
    }

    @Test
    void endingAMandateVacatesTheDelegatesOffices() {
        LocalDate end = LocalDate.of(2023, 3, 1);
        fixture.given(established(), term(5), seated("d1"), office("d1", Office.CHAIR, null))
                .when(new EndMandate(ID, null, "d1", MandateEndReason.RESIGNED, end, "Nghị quyết 9"))
                .expectEvents(new OfficeVacated(ID, "d1", Office.CHAIR, null, end, "Nghị quyết 9"),
                        new MandateEnded(ID, "d1", MandateEndReason.RESIGNED, end, "Nghị quyết 9"));
    }

    @Test
    void endsTheMandateOfADismissedDelegate() {
        // What SessionProcess sends once a dismissal (bãi nhiệm) is adopted: d1 leaves the office and the council from
        // the vote date, the reason recorded as a dismissal; d2 keeps the seat.
        LocalDate voted = LocalDate.of(2021, 12, 9);
        String basis = "Nghị quyết số 3/2021/NQ-HĐND: Bãi nhiệm đại biểu d1";
        fixture.given(established(), term(5), seated("d1"), seated("d2"), office("d1", Office.VICE_CHAIR, null))
                .when(new EndMandate(ID, null, "d1", MandateEndReason.DISMISSED, voted, basis))
                .expectEvents(new OfficeVacated(ID, "d1", Office.VICE_CHAIR, null, voted, basis),
                        new MandateEnded(ID, "d1", MandateEndReason.DISMISSED, voted, basis));
    }

    @Test
    void rejectsEndingAMandateTwice() {
        LocalDate end = LocalDate.of(2023, 3, 1);
        fixture.given(established(), term(5), seated("d1"),
                        new MandateEnded(ID, "d1", MandateEndReason.RESIGNED, end, "Nghị quyết 9"))
                .when(new EndMandate(ID, null, "d1", MandateEndReason.DECEASED, end.plusDays(5), null))
                .expectException(RuleViolation.class);
    }

    @Test
    void assignsAnOfficeToASeatedDelegate() {
        fixture.given(established(), term(5), seated("d1"))
                .when(new AssignOffice(ID, null, "d1", Office.CHAIR, null, true, SESSION, "Nghị quyết số 1"))
                .expectEvents(office("d1", Office.CHAIR, null));
    }

    @Test
    void rejectsAnOfficeForADelegateNotSeatedOnThatDate() {
        fixture.given(established(), term(5), seated("d1"))
                .when(new AssignOffice(ID, null, "d1", Office.VICE_CHAIR, null, true, LocalDate.of(2021, 5, 30),
                        "Nghị quyết số 1"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("delegate d1 is not seated on 2021-05-30");
    }

    @Test
    void rejectsAnOfficeForADelegateWhoseMandateHasEnded() {
        fixture.given(established(), term(5), seated("d1"),
                        new MandateEnded(ID, "d1", MandateEndReason.RESIGNED, LocalDate.of(2021, 6, 10), null))
                .when(new AssignOffice(ID, null, "d1", Office.VICE_CHAIR, null, true, SESSION, null))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsASecondChair() {
        fixture.given(established(), term(5), seated("d1"), seated("d2"), office("d1", Office.CHAIR, null))
                .when(new AssignOffice(ID, null, "d2", Office.CHAIR, null, true, SESSION, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the council already has a chair; vacate the office first");
    }

    @Test
    void electsANewChairOnceTheOfficeIsVacated() {
        LocalDate later = LocalDate.of(2023, 1, 1);
        fixture.given(established(), term(5), seated("d1"), seated("d2"), office("d1", Office.CHAIR, null),
                        new OfficeVacated(ID, "d1", Office.CHAIR, null, later, null))
                .when(new AssignOffice(ID, null, "d2", Office.CHAIR, null, true, later, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAChairBackdatedIntoTheFormerChairsTenure() {
        LocalDate vacated = LocalDate.of(2023, 1, 1);
        fixture.given(established(), term(5), seated("d1"), seated("d2"), office("d1", Office.CHAIR, null),
                        new OfficeVacated(ID, "d1", Office.CHAIR, null, vacated, null))
                .when(new AssignOffice(ID, null, "d2", Office.CHAIR, null, true, vacated.minusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the former chair held the office until 2023-01-01, after 2022-12-31");
    }

    @Test
    void rejectsACommitteeHeadBackdatedIntoTheFormerHeadsTenure() {
        LocalDate vacated = LocalDate.of(2023, 1, 1);
        fixture.given(established(), term(5), seated("d1"), seated("d2"), committee("ban-phap-che"),
                        office("d1", Office.COMMITTEE_HEAD, "ban-phap-che"),
                        new OfficeVacated(ID, "d1", Office.COMMITTEE_HEAD, "ban-phap-che", vacated, null))
                .when(new AssignOffice(ID, null, "d2", Office.COMMITTEE_HEAD, "ban-phap-che", true,
                        LocalDate.of(2022, 6, 1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the former head of committee ban-phap-che held the office until 2023-01-01, "
                        + "after 2022-06-01");
    }

    @Test
    void aFormerHeadOfAnotherCommitteeDoesNotBlockAHead() {
        LocalDate vacated = LocalDate.of(2023, 1, 1);
        fixture.given(established(), term(5), seated("d1"), seated("d2"), committee("ban-phap-che"),
                        committee("ban-kt"), office("d1", Office.COMMITTEE_HEAD, "ban-phap-che"),
                        new OfficeVacated(ID, "d1", Office.COMMITTEE_HEAD, "ban-phap-che", vacated, null))
                .when(new AssignOffice(ID, null, "d2", Office.COMMITTEE_HEAD, "ban-kt", true, SESSION, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsACommitteeHeadDatedBeforeTheCommitteeWasFormed() {
        fixture.given(established(), term(5), seated("d1"), committee("ban-phap-che"))
                .when(new AssignOffice(ID, null, "d1", Office.COMMITTEE_HEAD, "ban-phap-che", true,
                        SESSION.minusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("committee ban-phap-che was formed on 2021-06-25");
    }

    @Test
    void rejectsACommitteeHeadForACommitteeThatDoesNotExist() {
        fixture.given(established(), term(5), seated("d1"))
                .when(new AssignOffice(ID, null, "d1", Office.COMMITTEE_HEAD, "ban-phap-che", true, SESSION, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("committee ban-phap-che does not exist in this council");
    }

    @Test
    void rejectsASecondHeadOfTheSameCommittee() {
        fixture.given(established(), term(5), seated("d1"), seated("d2"), committee("ban-phap-che"),
                        office("d1", Office.COMMITTEE_HEAD, "ban-phap-che"))
                .when(new AssignOffice(ID, null, "d2", Office.COMMITTEE_HEAD, "ban-phap-che", true, SESSION, null))
                .expectException(RuleViolation.class);
    }

    @Test
    void assignsACommitteeHeadForAnExistingCommittee() {
        fixture.given(established(), term(5), seated("d1"), committee("ban-phap-che"))
                .when(new AssignOffice(ID, null, "d1", Office.COMMITTEE_HEAD, "ban-phap-che", true, SESSION,
                        "Nghị quyết số 1"))
                .expectEvents(office("d1", Office.COMMITTEE_HEAD, "ban-phap-che"));
    }

    @Test
    void rejectsVacatingAnOfficeThatIsNotHeld() {
        fixture.given(established(), term(5), seated("d1"))
                .when(new VacateOffice(ID, null, "d1", Office.CHAIR, null, SESSION, null))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsFormingTheSameCommitteeTwice() {
        fixture.given(established(), committee("ban-phap-che"))
                .when(new FormCommittee(ID, null, "ban-phap-che", "Ban Pháp chế", SESSION))
                .expectException(RuleViolation.class);
    }

    @Test
    void rejectsAnyCommandOnADissolvedCouncil() {
        LocalDate dissolved = LocalDate.of(2025, 7, 1);
        fixture.given(established(), new CouncilDissolved(ID, dissolved, List.of("vn-hn-ba-vi-new"), "NQ 1"))
                .when(new FormCommittee(ID, null, "ban-kt", "Ban Kinh tế - Xã hội", dissolved.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("council vn-hn-ba-vi is dissolved");
    }

    @Test
    void dissolvingEndsTheTermAndEveryMandate() {
        LocalDate dissolved = LocalDate.of(2025, 7, 1);
        fixture.given(established(), term(5), seated("d1"))
                .when(new DissolveCouncil(ID, null, dissolved, List.of("vn-hn-x"), "Nghị quyết 202/2025/QH15"))
                .expectEvents(new MandateEnded(ID, "d1", MandateEndReason.COUNCIL_DISSOLVED, dissolved,
                                "Nghị quyết 202/2025/QH15"),
                        new TermEnded(ID, "2021-2026", dissolved),
                        new CouncilDissolved(ID, dissolved, List.of("vn-hn-x"), "Nghị quyết 202/2025/QH15"));
    }

    @Test
    void rejectsADateBeforeEstablishment() {
        fixture.given(established())
                .when(new OpenTerm(ID, null, "2004-2011", 35, LocalDate.of(2004, 4, 25)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("2004-04-25 is before the council was established on 2008-08-01");
    }
}
