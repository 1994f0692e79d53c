package vn.hdnd.events.session;

/**
 * A threshold of yes votes, always counted against the total number of delegates whose mandate is valid on the vote
 * date (not against those present).
 */
public enum VotingRule {
    /** yes &gt; total / 2: a resolution (quá nửa tổng số đại biểu). */
    MORE_THAN_HALF_OF_TOTAL,
    /** yes &ge; 2/3 of total: the dismissal of a delegate (ít nhất hai phần ba tổng số đại biểu). */
    TWO_THIRDS_OF_TOTAL;

    /** Whether {@code yes} votes out of {@code total} delegates meet the threshold; exact integer arithmetic. */
    public boolean met(int yes, int total) {
        return switch (this) {
            case MORE_THAN_HALF_OF_TOTAL -> 2L * yes > total;
            case TWO_THIRDS_OF_TOTAL -> 3L * yes >= 2L * total;
        };
    }
}
