package vn.hdnd.command.session;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.hdnd.command.RuleViolation;

/** Matches a {@link RuleViolation} of the named rule, so that a test fails if another rule refused the command. */
final class Violates extends TypeSafeMatcher<RuleViolation> {
    private final String rule;

    private Violates(String rule) {
        this.rule = rule;
    }

    static Matcher<RuleViolation> rule(String rule) {
        return new Violates(rule);
    }

    @Override
    protected boolean matchesSafely(RuleViolation violation) {
        return rule.equals(violation.rule());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a violation of rule ").appendValue(rule);
    }

    @Override
    protected void describeMismatchSafely(RuleViolation violation, Description description) {
        description.appendText("violated ").appendValue(violation.rule()).appendText(": ")
                .appendText(violation.getMessage());
    }
}
