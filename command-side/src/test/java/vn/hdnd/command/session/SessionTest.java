package vn.hdnd.command.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import vn.hdnd.events.session.SessionKind;
import vn.hdnd.events.session.SessionScheduled;
import vn.hdnd.events.session.VoteChoice;
import vn.hdnd.events.session.VoteOutcome;
import vn.hdnd.events.session.VoteRecorded;
import vn.hdnd.events.session.VotingRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static vn.hdnd.command.session.Rosters.COUNCIL;

/**
 * One test per rule of the session aggregate, each breaking the rule on purpose. The council of most tests is the
 * Hanoi city council of the article: 95 delegates, seated on 1 June 2021.
 */
class SessionTest {
    private static final String SESSION = "vn-hn-xvi-1";
    private static final String TERM = "2021-2026";
    private static final LocalDate OPENS = LocalDate.of(2021, 6, 23);
    private static final LocalDate VOTE = LocalDate.of(2021, 6, 25);
    private static final String LOLG_2015 = "LOLG-77-2015";

    private FixtureConfiguration<Session> fixture;
    private final Map<String, RegisteredResolutions.Registered> register = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = fixture(Rosters.council(95).build());
    }

    private FixtureConfiguration<Session> fixture(Rosters rosters) {
        FixtureConfiguration<Session> f = new AggregateTestFixture<>(Session.class);
        f.registerInjectableResource(rosters);
        f.registerInjectableResource((RegisteredResolutions) councilId -> COUNCIL.equals(councilId) ? register
                : Map.of());
        f.registerInjectableResource(new VotingRules());
        return f;
    }

    // ---------------------------------------------------------------- given

    private static SessionScheduled scheduled() {
        return new SessionScheduled(SESSION, COUNCIL, TERM, 1, SessionKind.REGULAR, OPENS);
    }

    private static List<String> delegates(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "d" + i).toList();
    }

    private static SessionConvened convened() {
        return new SessionConvened(SESSION, COUNCIL, OPENS, delegates(1, 93), 95);
    }

    private static MotionTabled resolutionMotion(String motionId) {
        return new MotionTabled(SESSION, COUNCIL, motionId, "Nghị quyết về Chương trình giám sát năm 2022",
                MotionKind.RESOLUTION, "Điều 1.", List.of(), List.of(), null);
    }

    private static MotionTabled dismissalMotion(String motionId, String delegateId) {
        return new MotionTabled(SESSION, COUNCIL, motionId, "Bãi nhiệm đại biểu " + delegateId, MotionKind.DISMISSAL,
                null, List.of(), List.of(), delegateId);
    }

    private static RecordVote counts(String motionId, LocalDate on, int yes, int no, int abstain) {
        return new RecordVote(SESSION, null, motionId, on, yes, no, abstain, null);
    }

    private static VoteRecorded recorded(String motionId, LocalDate on, int yes, int no, int abstain, int total,
                                         VoteOutcome outcome) {
        return new VoteRecorded(SESSION, COUNCIL, motionId, MotionKind.RESOLUTION, on, yes, no, abstain, total,
                VotingRule.MORE_THAN_HALF_OF_TOTAL, LOLG_2015, outcome, null);
    }

    // ---------------------------------------------------------------- scheduling

    @Test
    void schedulesASession() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(SESSION, COUNCIL, TERM, 1, SessionKind.REGULAR, OPENS))
                .expectEvents(scheduled());
    }

    @Test
    void rejectsASessionNumberBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(SESSION, COUNCIL, TERM, 0, SessionKind.URGENT, OPENS))
                .expectException(Violates.rule("session-number-positive"));
    }

    // ---------------------------------------------------------------- convening

    @Test
    void convenesWithTheAttendanceOfSeatedDelegates() {
        fixture.given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, delegates(1, 93)))
                .expectEvents(convened());
    }

    @Test
    void rejectsAPresentDelegateWhoseMandateEndedBeforeTheDay() {
        fixture(Rosters.council(95).endedOn("d7", LocalDate.of(2021, 6, 20)).build())
                .given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, List.of("d1", "d7")))
                .expectException(Violates.rule("present-delegates-seated"));
    }

    @Test
    void rejectsAPresentDelegateSeatedOnlyAfterTheDay() {
        fixture(Rosters.council(94).seated("d95", LocalDate.of(2021, 7, 1)).build())
                .given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, List.of("d1", "d95")))
                .expectException(Violates.rule("present-delegates-seated"));
    }

    @Test
    void rejectsAPresentDelegateOfAnotherCouncil() {
        fixture.given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, List.of("d1", "someone-else")))
                .expectException(Violates.rule("present-delegates-seated"));
    }

    @Test
    void rejectsADelegateListedTwice() {
        fixture.given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, List.of("d1", "d2", "d1")))
                .expectException(Violates.rule("present-once"));
    }

    @Test
    void rejectsConveningTwice() {
        fixture.given(scheduled(), convened())
                .when(new ConveneSession(SESSION, null, OPENS.plusDays(1), delegates(1, 90)))
                .expectException(Violates.rule("convened-once"));
    }

    @Test
    void rejectsConveningASessionOfACouncilNotInTheRecord() {
        // The scheduled session names vn-hn, but the record holds no roster for it.
        fixture(new Rosters())
                .given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, delegates(1, 10)))
                .expectException(Violates.rule("council-exists"));
    }

    @Test
    void rejectsConveningAfterTheSessionsTermEnded() {
        fixture(Rosters.council(95).termEndsOn(LocalDate.of(2021, 6, 1)).build())
                .given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, delegates(1, 10)))
                .expectException(Violates.rule("session-within-term"));
    }

    @Test
    void rejectsConveningADissolvedCouncil() {
        fixture(Rosters.council(95).dissolvedOn(LocalDate.of(2021, 6, 1)).build())
                .given(scheduled())
                .when(new ConveneSession(SESSION, null, OPENS, delegates(1, 10)))
                .expectException(Violates.rule("council-active"));
    }

    // ---------------------------------------------------------------- motions

    @Test
    void tablesAMotion() {
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m1", "Nghị quyết về Chương trình giám sát năm 2022",
                        MotionKind.RESOLUTION, "Điều 1.", null, null, null))
                .expectEvents(resolutionMotion("m1"));
    }

    @Test
    void rejectsAMotionBeforeConvening() {
        fixture.given(scheduled())
                .when(new TableMotion(SESSION, null, "m1", "Nghị quyết", MotionKind.RESOLUTION, null, null, null,
                        null))
                .expectException(Violates.rule("no-motion-before-convening"));
    }

    @Test
    void rejectsAMotionAfterAdjournment() {
        fixture.given(scheduled(), convened(), new SessionAdjourned(SESSION, COUNCIL, VOTE))
                .when(new TableMotion(SESSION, null, "m1", "Nghị quyết", MotionKind.RESOLUTION, null, null, null,
                        null))
                .expectException(Violates.rule("no-motion-after-adjournment"));
    }

    @Test
    void rejectsTablingAMotionIdTwice() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new TableMotion(SESSION, null, "m1", "Nghị quyết khác", MotionKind.RESOLUTION, null, null, null,
                        null))
                .expectException(Violates.rule("motion-tabled-once"));
    }

    @Test
    void rejectsADismissalThatNamesNoDelegate() {
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m1", "Bãi nhiệm", MotionKind.DISMISSAL, null, null, null, null))
                .expectException(Violates.rule("dismissal-names-delegate"));
    }

    @Test
    void rejectsADismissalOfSomeoneNotSeated() {
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m1", "Bãi nhiệm", MotionKind.DISMISSAL, null, null, null,
                        "d404"))
                .expectException(Violates.rule("dismissed-delegate-is-seated"));
    }

    @Test
    void rejectsADismissalThatAmendsAResolution() {
        register.put("vn-hn-nq-2021-1", new RegisteredResolutions.Registered("1/2021/NQ-HĐND", OPENS, false));
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m1", "Bãi nhiệm", MotionKind.DISMISSAL, null,
                        List.of("vn-hn-nq-2021-1"), null, "d5"))
                .expectException(Violates.rule("dismissal-amends-nothing"));
    }

    @Test
    void rejectsADelegateNamedByAResolutionMotion() {
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m1", "Nghị quyết", MotionKind.RESOLUTION, null, null, null,
                        "d5"))
                .expectException(Violates.rule("delegate-only-for-dismissal"));
    }

    @Test
    void tablesAnAmendmentOfAResolutionOfTheSameCouncil() {
        register.put("vn-hn-nq-2021-1", new RegisteredResolutions.Registered("1/2021/NQ-HĐND", OPENS, false));
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m2", "Sửa đổi", MotionKind.RESOLUTION, null,
                        List.of("vn-hn-nq-2021-1"), null, null))
                .expectEvents(new MotionTabled(SESSION, COUNCIL, "m2", "Sửa đổi", MotionKind.RESOLUTION, null,
                        List.of("vn-hn-nq-2021-1"), List.of(), null));
    }

    @Test
    void rejectsAmendingAResolutionOfAnotherCouncil() {
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m2", "Sửa đổi", MotionKind.RESOLUTION, null,
                        List.of("vn-hn-ba-vi-nq-2021-1"), null, null))
                .expectException(Violates.rule("amends-resolution-of-this-council"));
    }

    @Test
    void rejectsRepealingARepealedResolution() {
        register.put("vn-hn-nq-2021-1", new RegisteredResolutions.Registered("1/2021/NQ-HĐND", OPENS, true));
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m2", "Bãi bỏ", MotionKind.RESOLUTION, null, null,
                        List.of("vn-hn-nq-2021-1"), null))
                .expectException(Violates.rule("amends-resolution-not-repealed"));
    }

    @Test
    void rejectsAmendingAndRepealingTheSameResolution() {
        register.put("vn-hn-nq-2021-1", new RegisteredResolutions.Registered("1/2021/NQ-HĐND", OPENS, false));
        fixture.given(scheduled(), convened())
                .when(new TableMotion(SESSION, null, "m2", "Sửa đổi", MotionKind.RESOLUTION, null,
                        List.of("vn-hn-nq-2021-1"), List.of("vn-hn-nq-2021-1"), null))
                .expectException(Violates.rule("amend-or-repeal"));
    }

    // ---------------------------------------------------------------- votes: the rule decides

    @Test
    void adoptsWithMoreThanHalfOfTotalDelegates() {
        // 95 seated: more than half is 48.
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 48, 40, 5))
                .expectEvents(recorded("m1", VOTE, 48, 40, 5, 95, VoteOutcome.ADOPTED));
    }

    @Test
    void rejectsWithHalfOrLessOfTotalDelegates() {
        // 47 of 95 is less than half, whatever the others voted.
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 47, 0, 0))
                .expectEvents(recorded("m1", VOTE, 47, 0, 0, 95, VoteOutcome.REJECTED));
    }

    @Test
    void countsAgainstTheTotalNotThoseVoting() {
        // 47 yes and nobody against is still no majority of the council.
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 47, 1, 0))
                .expectEvents(recorded("m1", VOTE, 47, 1, 0, 95, VoteOutcome.REJECTED));
    }

    @Test
    void leavesADelegateWhoseMandateEndedBeforeTheVoteOutOfTheDenominator() {
        // 96 seated in June; one mandate ends on 1 December. On 8 December 95 count, and 48 is a majority of them.
        LocalDate december = LocalDate.of(2021, 12, 8);
        fixture(Rosters.council(96).endedOn("d96", LocalDate.of(2021, 12, 1)).build())
                .given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", december, 48, 0, 0))
                .expectEvents(recorded("m1", december, 48, 0, 0, 95, VoteOutcome.ADOPTED));
    }

    @Test
    void countsADelegateWhoseMandateEndsAfterTheVote() {
        // The same council on 25 June: all 96 count, and 48 is not more than half of them.
        fixture(Rosters.council(96).endedOn("d96", LocalDate.of(2021, 12, 1)).build())
                .given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 48, 0, 0))
                .expectEvents(recorded("m1", VOTE, 48, 0, 0, 96, VoteOutcome.REJECTED));
    }

    @Test
    void dismissesWithAtLeastTwoThirdsOfTotalDelegates() {
        // Two thirds of 95 is 63.3: 64 dismiss.
        fixture.given(scheduled(), convened(), dismissalMotion("m1", "d9"))
                .when(counts("m1", VOTE, 64, 20, 0))
                .expectEvents(new VoteRecorded(SESSION, COUNCIL, "m1", MotionKind.DISMISSAL, VOTE, 64, 20, 0, 95,
                        VotingRule.TWO_THIRDS_OF_TOTAL, LOLG_2015, VoteOutcome.ADOPTED, null));
    }

    @Test
    void rejectsADismissalWithLessThanTwoThirds() {
        // 63 is a majority, but not two thirds of 95.
        fixture.given(scheduled(), convened(), dismissalMotion("m1", "d9"))
                .when(counts("m1", VOTE, 63, 0, 0))
                .expectEvents(new VoteRecorded(SESSION, COUNCIL, "m1", MotionKind.DISMISSAL, VOTE, 63, 0, 0, 95,
                        VotingRule.TWO_THIRDS_OF_TOTAL, LOLG_2015, VoteOutcome.REJECTED, null));
    }

    @Test
    void rejectsADismissalVoteOnADelegateWhoseMandateAlreadyEnded() {
        fixture(Rosters.council(95).endedOn("d9", LocalDate.of(2021, 6, 24)).build())
                .given(scheduled(), convened(), dismissalMotion("m1", "d9"))
                .when(counts("m1", VOTE, 70, 0, 0))
                .expectException(Violates.rule("dismissed-delegate-is-seated"));
    }

    @Test
    void appliesTheRuleSetInForceOnTheVoteDate() {
        // The same session, a vote either side of the 2025 law: each records its own rule set.
        LocalDate before = LocalDate.of(2025, 6, 30);
        LocalDate after = LocalDate.of(2025, 7, 1);
        fixture.given(scheduled(), convened(), resolutionMotion("m1"), resolutionMotion("m2"),
                        recorded("m1", before, 60, 0, 0, 95, VoteOutcome.ADOPTED))
                .when(counts("m2", after, 60, 0, 0))
                .expectEvents(new VoteRecorded(SESSION, COUNCIL, "m2", MotionKind.RESOLUTION, after, 60, 0, 0, 95,
                        VotingRule.MORE_THAN_HALF_OF_TOTAL, "LOLG-72-2025", VoteOutcome.ADOPTED, null));
    }

    @Test
    void decidesByTheRuleSetsDataNotByACodedThreshold() {
        // A rule set that asked two thirds for every resolution would reject what the law of 2015 adopts.
        VotingRules stricter = new VotingRules(List.of(new VotingRules.RuleSet("STRICT", "test", OPENS, null,
                Map.of(MotionKind.RESOLUTION, VotingRule.TWO_THIRDS_OF_TOTAL))));
        FixtureConfiguration<Session> strict = new AggregateTestFixture<>(Session.class);
        strict.registerInjectableResource(Rosters.council(95).build());
        strict.registerInjectableResource((RegisteredResolutions) councilId -> Map.of());
        strict.registerInjectableResource(stricter);
        strict.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 60, 0, 0))
                .expectEvents(new VoteRecorded(SESSION, COUNCIL, "m1", MotionKind.RESOLUTION, VOTE, 60, 0, 0, 95,
                        VotingRule.TWO_THIRDS_OF_TOTAL, "STRICT", VoteOutcome.REJECTED, null));
    }

    @Test
    void rejectsAVoteWhenNoRuleSetIsInForce() {
        VotingRules none = new VotingRules(List.of(new VotingRules.RuleSet("LATER", "test",
                LocalDate.of(2030, 1, 1), null, Map.of(MotionKind.RESOLUTION, VotingRule.MORE_THAN_HALF_OF_TOTAL))));
        FixtureConfiguration<Session> f = new AggregateTestFixture<>(Session.class);
        f.registerInjectableResource(Rosters.council(95).build());
        f.registerInjectableResource((RegisteredResolutions) councilId -> Map.of());
        f.registerInjectableResource(none);
        f.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 60, 0, 0))
                .expectException(Violates.rule("rule-set-in-force"));
    }

    // ---------------------------------------------------------------- votes: what may be recorded

    @Test
    void rejectsMoreVotesThanDelegatesSeatedOnTheVoteDate() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 50, 40, 6))
                .expectException(Violates.rule("votes-within-total"));
    }

    @Test
    void rejectsNegativeCounts() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 60, -1, 0))
                .expectException(Violates.rule("counts-not-negative"));
    }

    @Test
    void rejectsAVoteWithoutCountsOrBallots() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new RecordVote(SESSION, null, "m1", VOTE, 60, null, null, null))
                .expectException(Violates.rule("counts-or-ballots"));
    }

    @Test
    void rejectsAVoteBeforeConvening() {
        fixture.given(scheduled())
                .when(counts("m1", VOTE, 60, 0, 0))
                .expectException(Violates.rule("no-vote-before-convening"));
    }

    @Test
    void rejectsAVoteDatedBeforeTheSessionConvened() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", OPENS.minusDays(1), 60, 0, 0))
                .expectException(Violates.rule("vote-after-convening"));
    }

    @Test
    void rejectsAVoteAfterAdjournment() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"), new SessionAdjourned(SESSION, COUNCIL, VOTE))
                .when(counts("m1", VOTE, 60, 0, 0))
                .expectException(Violates.rule("no-vote-after-adjournment"));
    }

    @Test
    void rejectsAVoteOnAMotionNotTabled() {
        fixture.given(scheduled(), convened())
                .when(counts("m9", VOTE, 60, 0, 0))
                .expectException(Violates.rule("motion-tabled"));
    }

    @Test
    void votesAMotionOnce() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"),
                        recorded("m1", VOTE, 40, 50, 0, 95, VoteOutcome.REJECTED))
                .when(counts("m1", VOTE, 60, 0, 0))
                .expectException(Violates.rule("motion-voted-once"));
    }

    @Test
    void rejectsAVoteWhenNobodyIsSeatedOnTheVoteDate() {
        // Every mandate ended before the vote: no denominator, so no rule can decide, not even a vote of 0 + 0 + 0.
        Rosters.Builder emptied = Rosters.council(3);
        List.of("d1", "d2", "d3").forEach(d -> emptied.endedOn(d, OPENS.plusDays(1)));
        fixture(emptied.build())
                .given(scheduled(), convened(), resolutionMotion("m1"))
                .when(counts("m1", VOTE, 0, 0, 0))
                .expectException(Violates.rule("vote-needs-seated-delegates"));
    }

    // ---------------------------------------------------------------- votes: ballots

    private static List<Ballot> ballots(int yes, int no, int abstain) {
        List<Ballot> ballots = new ArrayList<>();
        int d = 1;
        for (int i = 0; i < yes; i++) {
            ballots.add(new Ballot("d" + d++, VoteChoice.YES));
        }
        for (int i = 0; i < no; i++) {
            ballots.add(new Ballot("d" + d++, VoteChoice.NO));
        }
        for (int i = 0; i < abstain; i++) {
            ballots.add(new Ballot("d" + d++, VoteChoice.ABSTAIN));
        }
        return ballots;
    }

    @Test
    void derivesTheCountsFromBallots() {
        List<Ballot> ballots = ballots(48, 30, 2);
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new RecordVote(SESSION, null, "m1", VOTE, null, null, null, ballots))
                .expectEvents(new VoteRecorded(SESSION, COUNCIL, "m1", MotionKind.RESOLUTION, VOTE, 48, 30, 2, 95,
                        VotingRule.MORE_THAN_HALF_OF_TOTAL, LOLG_2015, VoteOutcome.ADOPTED, ballots));
    }

    @Test
    void rejectsABallotOfADelegateNotSeatedOnTheVoteDate() {
        fixture(Rosters.council(95).endedOn("d50", LocalDate.of(2021, 6, 24)).build())
                .given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new RecordVote(SESSION, null, "m1", VOTE, null, null, null,
                        List.of(new Ballot("d1", VoteChoice.YES), new Ballot("d50", VoteChoice.YES))))
                .expectException(Violates.rule("ballot-by-seated-delegate"));
    }

    @Test
    void rejectsTwoBallotsOfOneDelegate() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new RecordVote(SESSION, null, "m1", VOTE, null, null, null,
                        List.of(new Ballot("d1", VoteChoice.YES), new Ballot("d1", VoteChoice.NO))))
                .expectException(Violates.rule("one-ballot-per-delegate"));
    }

    @Test
    void rejectsCountsGivenWithBallots() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"))
                .when(new RecordVote(SESSION, null, "m1", VOTE, 60, 0, 0, ballots(60, 0, 0)))
                .expectException(Violates.rule("counts-or-ballots"));
    }

    // ---------------------------------------------------------------- the resolution a motion became

    @Test
    void recordsTheResolutionAnAdoptedMotionBecame() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"),
                        recorded("m1", VOTE, 60, 0, 0, 95, VoteOutcome.ADOPTED))
                .when(new RecordResolution(SESSION, "m1", "vn-hn-nq-2021-1", "1/2021/NQ-HĐND"))
                .expectEvents(new MotionBecameResolution(SESSION, COUNCIL, "m1", "vn-hn-nq-2021-1",
                        "1/2021/NQ-HĐND"));
    }

    @Test
    void rejectsAResolutionForARejectedMotion() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"),
                        recorded("m1", VOTE, 40, 0, 0, 95, VoteOutcome.REJECTED))
                .when(new RecordResolution(SESSION, "m1", "vn-hn-nq-2021-1", "1/2021/NQ-HĐND"))
                .expectException(Violates.rule("resolution-of-adopted-motion"));
    }

    @Test
    void rejectsASecondResolutionForTheSameMotion() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"),
                        recorded("m1", VOTE, 60, 0, 0, 95, VoteOutcome.ADOPTED),
                        new MotionBecameResolution(SESSION, COUNCIL, "m1", "vn-hn-nq-2021-1", "1/2021/NQ-HĐND"))
                .when(new RecordResolution(SESSION, "m1", "vn-hn-nq-2021-2", "2/2021/NQ-HĐND"))
                .expectException(Violates.rule("one-resolution-per-motion"));
    }

    @Test
    void answersTheDecisionWithWhatTheFollowUpNeeds() {
        fixture.given(scheduled(), convened(), dismissalMotion("m1", "d9"))
                .when(counts("m1", VOTE, 70, 0, 0))
                .expectResultMessagePayload(new Decision(COUNCIL, "m1", MotionKind.DISMISSAL, "Bãi nhiệm đại biểu d9",
                        null, List.of(), List.of(), "d9", VOTE, VoteOutcome.ADOPTED));
    }

    // ---------------------------------------------------------------- adjournment

    @Test
    void adjourns() {
        fixture.given(scheduled(), convened())
                .when(new AdjournSession(SESSION, null, VOTE))
                .expectEvents(new SessionAdjourned(SESSION, COUNCIL, VOTE));
    }

    @Test
    void rejectsAdjourningBeforeConvening() {
        fixture.given(scheduled())
                .when(new AdjournSession(SESSION, null, VOTE))
                .expectException(Violates.rule("adjourned-after-convening"));
    }

    @Test
    void rejectsAdjourningTwice() {
        fixture.given(scheduled(), convened(), new SessionAdjourned(SESSION, COUNCIL, VOTE))
                .when(new AdjournSession(SESSION, null, VOTE))
                .expectException(Violates.rule("adjourned-once"));
    }

    @Test
    void rejectsAdjourningBeforeTheLastVote() {
        fixture.given(scheduled(), convened(), resolutionMotion("m1"),
                        recorded("m1", VOTE, 60, 0, 0, 95, VoteOutcome.ADOPTED))
                .when(new AdjournSession(SESSION, null, VOTE.minusDays(1)))
                .expectException(Violates.rule("adjourned-after-last-vote"));
    }
}
