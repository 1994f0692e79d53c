package vn.hdnd.command.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hdnd.command.session.SessionCommands.AdoptResolution;
import vn.hdnd.command.session.SessionCommands.Adopted;
import vn.hdnd.command.session.SessionCommands.ReserveSessionNumber;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.ResolutionAdopted;
import vn.hdnd.events.session.ResolutionAmended;
import vn.hdnd.events.session.ResolutionRepealed;
import vn.hdnd.events.session.SessionNumberReserved;

import java.time.LocalDate;
import java.util.List;

import static vn.hdnd.command.session.Rosters.COUNCIL;

/** One test per rule of the council's register: session numbers within a term, resolution numbers per year. */
class CouncilRegisterTest {
    private static final String REGISTER = "vn-hn:register";
    private static final LocalDate JUNE = LocalDate.of(2021, 6, 25);
    private static final LocalDate DECEMBER = LocalDate.of(2021, 12, 8);

    private FixtureConfiguration<CouncilRegister> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Rosters.council(95).build());
    }

    private static FixtureConfiguration<CouncilRegister> fixture(Rosters rosters) {
        FixtureConfiguration<CouncilRegister> f = new AggregateTestFixture<>(CouncilRegister.class);
        f.registerInjectableResource(rosters);
        return f;
    }

    private static ResolutionAdopted adopted(int sequence, int year, LocalDate on) {
        return new ResolutionAdopted(COUNCIL, "vn-hn-nq-" + year + "-" + sequence, sequence + "/" + year + "/NQ-HĐND",
                year, sequence, "vn-hn-xvi-1", "m" + sequence, MotionKind.RESOLUTION, "Nghị quyết " + sequence,
                null, on, List.of(), List.of(), null);
    }

    private static AdoptResolution adopt(String motionId, LocalDate on, List<String> amends, List<String> repeals) {
        return new AdoptResolution(REGISTER, COUNCIL, "vn-hn-xvi-2", motionId, MotionKind.RESOLUTION,
                "Nghị quyết " + motionId, "Điều 1.", on, amends, repeals, null);
    }

    // ---------------------------------------------------------------- session numbers

    @Test
    void reservesASessionNumberInTheCouncilsTerm() {
        fixture.givenNoPriorActivity()
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 1, "vn-hn-xvi-1", JUNE))
                .expectEvents(new SessionNumberReserved(COUNCIL, "2021-2026", 1, "vn-hn-xvi-1"))
                .expectResultMessagePayload("2021-2026");
    }

    @Test
    void rejectsASessionNumberBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 0, "vn-hn-xvi-0", JUNE))
                .expectException(Violates.rule("session-number-positive"));
    }

    @Test
    void rejectsASessionNumberGivenTwiceInATerm() {
        fixture.given(new SessionNumberReserved(COUNCIL, "2021-2026", 1, "vn-hn-xvi-1"))
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 1, "vn-hn-xvi-1-bis", DECEMBER))
                .expectException(Violates.rule("session-number-unique-in-term"));
    }

    @Test
    void numbersSessionsAgainInANewTerm() {
        fixture.given(new SessionNumberReserved(COUNCIL, "2016-2021", 1, "vn-hn-xv-1"))
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 1, "vn-hn-xvi-1", JUNE))
                .expectEvents(new SessionNumberReserved(COUNCIL, "2021-2026", 1, "vn-hn-xvi-1"));
    }

    @Test
    void rejectsASessionOutsideAnyTerm() {
        fixture.givenNoPriorActivity()
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 1, "vn-hn-old", LocalDate.of(2020, 1, 1)))
                .expectException(Violates.rule("session-within-term"));
    }

    @Test
    void rejectsASessionOfACouncilNotInTheRecord() {
        fixture.givenNoPriorActivity()
                .when(new ReserveSessionNumber("vn-xx:register", "vn-xx", 1, "s1", JUNE))
                .expectException(Violates.rule("council-exists"));
    }

    @Test
    void rejectsASessionOfADissolvedCouncil() {
        fixture(Rosters.council(95).dissolvedOn(LocalDate.of(2021, 6, 1)).build())
                .givenNoPriorActivity()
                .when(new ReserveSessionNumber(REGISTER, COUNCIL, 1, "vn-hn-xvi-1", JUNE))
                .expectException(Violates.rule("council-active"));
    }

    // ---------------------------------------------------------------- resolution numbers

    @Test
    void givesTheFirstResolutionOfTheYearNumberOne() {
        fixture.givenNoPriorActivity()
                .when(adopt("m1", JUNE, null, null))
                .expectEvents(new ResolutionAdopted(COUNCIL, "vn-hn-nq-2021-1", "1/2021/NQ-HĐND", 2021, 1,
                        "vn-hn-xvi-2", "m1", MotionKind.RESOLUTION, "Nghị quyết m1", "Điều 1.", JUNE, List.of(),
                        List.of(), null))
                .expectResultMessagePayload(new Adopted("vn-hn-nq-2021-1", "1/2021/NQ-HĐND"));
    }

    @Test
    void numbersResolutionsSequentiallyWithinAYear() {
        fixture.given(adopted(1, 2021, JUNE), adopted(2, 2021, JUNE))
                .when(adopt("m3", DECEMBER, null, null))
                .expectResultMessagePayload(new Adopted("vn-hn-nq-2021-3", "3/2021/NQ-HĐND"));
    }

    @Test
    void startsAgainAtOneInANewYear() {
        fixture.given(adopted(1, 2021, JUNE), adopted(2, 2021, DECEMBER))
                .when(adopt("m1", LocalDate.of(2022, 7, 5), null, null))
                .expectResultMessagePayload(new Adopted("vn-hn-nq-2022-1", "1/2022/NQ-HĐND"));
    }

    @Test
    void neverReusesTheNumberOfARepealedResolution() {
        fixture.given(adopted(1, 2021, JUNE), adopted(2, 2021, JUNE),
                        new ResolutionRepealed(COUNCIL, "vn-hn-nq-2021-2", "vn-hn-nq-2021-1", "1/2021/NQ-HĐND", JUNE))
                .when(adopt("m3", DECEMBER, null, null))
                .expectResultMessagePayload(new Adopted("vn-hn-nq-2021-3", "3/2021/NQ-HĐND"));
    }

    @Test
    void continuesAYearsNumbersWhenAnEarlierYearIsRecordedLate() {
        // 2022 is in the record; a 2021 resolution recorded afterwards takes 2021's next number.
        fixture.given(adopted(1, 2021, JUNE), adopted(1, 2022, LocalDate.of(2022, 7, 5)))
                .when(adopt("m9", DECEMBER, null, null))
                .expectResultMessagePayload(new Adopted("vn-hn-nq-2021-2", "2/2021/NQ-HĐND"));
    }

    // ---------------------------------------------------------------- amendments and repeals

    @Test
    void marksTheResolutionsItAmendsAndRepeals() {
        fixture.given(adopted(1, 2021, JUNE), adopted(2, 2021, JUNE))
                .when(adopt("m3", DECEMBER, List.of("vn-hn-nq-2021-1"), List.of("vn-hn-nq-2021-2")))
                .expectEvents(
                        new ResolutionAdopted(COUNCIL, "vn-hn-nq-2021-3", "3/2021/NQ-HĐND", 2021, 3, "vn-hn-xvi-2",
                                "m3", MotionKind.RESOLUTION, "Nghị quyết m3", "Điều 1.", DECEMBER,
                                List.of("vn-hn-nq-2021-1"), List.of("vn-hn-nq-2021-2"), null),
                        new ResolutionAmended(COUNCIL, "vn-hn-nq-2021-1", "vn-hn-nq-2021-3", "3/2021/NQ-HĐND",
                                DECEMBER),
                        new ResolutionRepealed(COUNCIL, "vn-hn-nq-2021-2", "vn-hn-nq-2021-3", "3/2021/NQ-HĐND",
                                DECEMBER));
    }

    @Test
    void rejectsAmendingAResolutionNotInThisCouncilsRegister() {
        fixture.given(adopted(1, 2021, JUNE))
                .when(adopt("m2", DECEMBER, List.of("vn-hn-ba-vi-nq-2021-1"), null))
                .expectException(Violates.rule("amends-resolution-of-this-council"));
    }

    @Test
    void rejectsAmendingALaterResolution() {
        fixture.given(adopted(1, 2021, DECEMBER))
                .when(adopt("m2", JUNE, List.of("vn-hn-nq-2021-1"), null))
                .expectException(Violates.rule("amends-earlier-resolution"));
    }

    @Test
    void rejectsAmendingARepealedResolution() {
        fixture.given(adopted(1, 2021, JUNE), adopted(2, 2021, JUNE),
                        new ResolutionRepealed(COUNCIL, "vn-hn-nq-2021-1", "vn-hn-nq-2021-2", "2/2021/NQ-HĐND", JUNE))
                .when(adopt("m3", DECEMBER, List.of("vn-hn-nq-2021-1"), null))
                .expectException(Violates.rule("amends-resolution-not-repealed"));
    }

    @Test
    void rejectsADismissalThatAmendsAResolution() {
        fixture.given(adopted(1, 2021, JUNE))
                .when(new AdoptResolution(REGISTER, COUNCIL, "vn-hn-xvi-2", "m2", MotionKind.DISMISSAL, "Bãi nhiệm",
                        null, DECEMBER, List.of("vn-hn-nq-2021-1"), null, "d9"))
                .expectException(Violates.rule("dismissal-amends-nothing"));
    }
}
