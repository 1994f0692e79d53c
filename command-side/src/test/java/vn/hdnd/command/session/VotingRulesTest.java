package vn.hdnd.command.session;

import org.junit.jupiter.api.Test;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.VotingRule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule sets are data with validity dates; the thresholds are exact integer arithmetic. */
class VotingRulesTest {
    private final VotingRules law = new VotingRules();

    @Test
    void aVoteOf2021AndAVoteOf2026ApplyDifferentRuleSets() {
        assertThat(law.ruleFor(MotionKind.RESOLUTION, LocalDate.of(2021, 12, 8)))
                .isEqualTo(new VotingRules.Applied("LOLG-77-2015", VotingRule.MORE_THAN_HALF_OF_TOTAL));
        assertThat(law.ruleFor(MotionKind.RESOLUTION, LocalDate.of(2026, 4, 2)))
                .isEqualTo(new VotingRules.Applied("LOLG-72-2025", VotingRule.MORE_THAN_HALF_OF_TOTAL));
        assertThat(law.ruleFor(MotionKind.DISMISSAL, LocalDate.of(2026, 4, 2)).rule())
                .isEqualTo(VotingRule.TWO_THIRDS_OF_TOTAL);
    }

    @Test
    void theLawChangesOnTheFirstDayOfTheNewRuleSet() {
        assertThat(law.ruleFor(MotionKind.RESOLUTION, LocalDate.of(2025, 6, 30)).ruleSet()).isEqualTo("LOLG-77-2015");
        assertThat(law.ruleFor(MotionKind.RESOLUTION, LocalDate.of(2025, 7, 1)).ruleSet()).isEqualTo("LOLG-72-2025");
    }

    @Test
    void noRuleSetBeforeTheRecordsFirstLaw() {
        assertThatThrownBy(() -> law.ruleFor(MotionKind.RESOLUTION, LocalDate.of(2015, 12, 31)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).rule()).isEqualTo("rule-set-in-force"));
    }

    @Test
    void rejectsOverlappingRuleSets() {
        var a = new VotingRules.RuleSet("A", "a", LocalDate.of(2016, 1, 1), LocalDate.of(2026, 1, 1),
                Map.of(MotionKind.RESOLUTION, VotingRule.MORE_THAN_HALF_OF_TOTAL));
        var b = new VotingRules.RuleSet("B", "b", LocalDate.of(2025, 1, 1), null,
                Map.of(MotionKind.RESOLUTION, VotingRule.MORE_THAN_HALF_OF_TOTAL));
        assertThatThrownBy(() -> new VotingRules(List.of(a, b))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreThanHalfOf95Is48() {
        assertThat(VotingRule.MORE_THAN_HALF_OF_TOTAL.met(47, 95)).isFalse();
        assertThat(VotingRule.MORE_THAN_HALF_OF_TOTAL.met(48, 95)).isTrue();
        // With an even total, exactly half is not more than half.
        assertThat(VotingRule.MORE_THAN_HALF_OF_TOTAL.met(62, 124)).isFalse();
        assertThat(VotingRule.MORE_THAN_HALF_OF_TOTAL.met(63, 124)).isTrue();
    }

    @Test
    void twoThirdsOf95Is64AndOf96Is64() {
        assertThat(VotingRule.TWO_THIRDS_OF_TOTAL.met(63, 95)).isFalse();
        assertThat(VotingRule.TWO_THIRDS_OF_TOTAL.met(64, 95)).isTrue();
        // Exactly two thirds is enough ("at least").
        assertThat(VotingRule.TWO_THIRDS_OF_TOTAL.met(63, 96)).isFalse();
        assertThat(VotingRule.TWO_THIRDS_OF_TOTAL.met(64, 96)).isTrue();
    }
}
