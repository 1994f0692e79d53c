package vn.hdnd.command.session;

import org.springframework.stereotype.Component;
import vn.hdnd.command.RuleViolation;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.VotingRule;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The voting thresholds as data: rule sets, each valid over a period, each saying which rule decides which kind of
 * motion. A vote applies the rule set in force on its vote date and records the set's id, so a vote of 2021 and a
 * vote of 2026 stay explainable even when the law changes between them.
 */
@Component
class VotingRules {

    /**
     * One version of the law's voting rules, valid from {@code validFrom} (inclusive) until {@code validUntil}
     * (exclusive; null while in force).
     */
    record RuleSet(String id, String source, LocalDate validFrom, LocalDate validUntil,
                   Map<MotionKind, VotingRule> rules) {
        RuleSet {
            rules = Map.copyOf(rules);
        }

        boolean inForceOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validUntil == null || validUntil.isAfter(date));
        }
    }

    /** The rule that decides a motion, and the rule set it comes from. */
    record Applied(String ruleSet, VotingRule rule) {
    }

    /** What the law says, as far as the record knows it. */
    static final List<RuleSet> LAW = List.of(
            // LOLG 77/2015/QH13 (in force 1 Jan 2016; amended 2019): a resolution needs more than half of the total
            // number of delegates, the dismissal of a delegate at least two thirds (the research source cites
            // art. 91(3); verify the article).
            new RuleSet("LOLG-77-2015", "Luật Tổ chức chính quyền địa phương số 77/2015/QH13",
                    LocalDate.of(2016, 1, 1), LocalDate.of(2025, 7, 1),
                    Map.of(MotionKind.RESOLUTION, VotingRule.MORE_THAN_HALF_OF_TOTAL,
                            MotionKind.DISMISSAL, VotingRule.TWO_THIRDS_OF_TOTAL)),
            // LOLG 72/2025/QH15 (two-tier local government; effective date taken as 1 Jul 2025: verify): the same
            // thresholds, a separate rule set so that votes record which law they were counted under.
            new RuleSet("LOLG-72-2025", "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
                    LocalDate.of(2025, 7, 1), null,
                    Map.of(MotionKind.RESOLUTION, VotingRule.MORE_THAN_HALF_OF_TOTAL,
                            MotionKind.DISMISSAL, VotingRule.TWO_THIRDS_OF_TOTAL)));

    private final List<RuleSet> ruleSets;

    VotingRules() {
        this(LAW);
    }

    VotingRules(List<RuleSet> ruleSets) {
        this.ruleSets = ruleSets.stream().sorted(Comparator.comparing(RuleSet::validFrom)).toList();
        for (int i = 1; i < this.ruleSets.size(); i++) {
            RuleSet before = this.ruleSets.get(i - 1);
            if (before.validUntil() == null || before.validUntil().isAfter(this.ruleSets.get(i).validFrom())) {
                throw new IllegalArgumentException("rule sets " + before.id() + " and " + this.ruleSets.get(i).id()
                        + " overlap");
            }
        }
    }

    List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The rule deciding a motion of {@code kind} voted on {@code votedOn}. */
    Applied ruleFor(MotionKind kind, LocalDate votedOn) {
        RuleSet set = ruleSets.stream().filter(s -> s.inForceOn(votedOn)).findFirst()
                .orElseThrow(() -> new RuleViolation("rule-set-in-force",
                        "no voting rule set of the record is in force on " + votedOn));
        VotingRule rule = set.rules().get(kind);
        if (rule == null) {
            throw new RuleViolation("rule-set-in-force", "rule set " + set.id() + " has no rule for " + kind);
        }
        return new Applied(set.id(), rule);
    }
}
