package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A motion is voted on. The outcome was computed on the command side: {@code rule} of rule set {@code ruleSet}
 * (the law in force on {@code votedOn}) applied to {@code yes} out of {@code totalDelegates}, the delegates whose
 * mandate was valid on {@code votedOn}. {@code ballots} holds the per-delegate ballots when they were given (the
 * counts are then derived from them), otherwise null.
 */
@Revision("1")
public record VoteRecorded(String sessionId, String councilId, String motionId, MotionKind kind, LocalDate votedOn,
                           int yes, int no, int abstain, int totalDelegates, VotingRule rule, String ruleSet,
                           VoteOutcome outcome, List<Ballot> ballots) {
}
