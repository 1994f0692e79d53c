package vn.hdnd.command.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.hdnd.events.session.Ballot;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.SessionKind;
import vn.hdnd.events.session.VoteOutcome;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands on a session and on a council's register. {@code expectedVersion} carries the client's {@code If-Match};
 * null means "any version". The staff API sends {@link SessionProcess}'s commands for scheduling and voting, which
 * send these in turn.
 */
final class SessionCommands {
    private SessionCommands() {
    }

    // ---------------------------------------------------------------- the session

    record ScheduleSession(@TargetAggregateIdentifier String sessionId, String councilId, String term, int number,
                           SessionKind kind, LocalDate scheduledFor) {
    }

    record ConveneSession(@TargetAggregateIdentifier String sessionId, @TargetAggregateVersion Long expectedVersion,
                          LocalDate convenedOn, List<String> presentDelegateIds) {
    }

    record TableMotion(@TargetAggregateIdentifier String sessionId, @TargetAggregateVersion Long expectedVersion,
                       String motionId, String title, MotionKind kind, String text, List<String> amends,
                       List<String> repeals, String delegateId) {
    }

    /** Either the three counts or the ballots; never an outcome, which the rule decides. */
    record RecordVote(@TargetAggregateIdentifier String sessionId, @TargetAggregateVersion Long expectedVersion,
                      String motionId, LocalDate votedOn, Integer yes, Integer no, Integer abstain,
                      List<Ballot> ballots) {
    }

    /** What a vote decided, with what the follow-up commands need to know about the motion. */
    record Decision(String councilId, String motionId, MotionKind kind, String title, String text,
                    List<String> amends, List<String> repeals, String delegateId, LocalDate votedOn,
                    VoteOutcome outcome) {
    }

    record RecordResolution(@TargetAggregateIdentifier String sessionId, String motionId, String resolutionId,
                            String number) {
    }

    record AdjournSession(@TargetAggregateIdentifier String sessionId, @TargetAggregateVersion Long expectedVersion,
                          LocalDate adjournedOn) {
    }

    // ---------------------------------------------------------------- the council's register

    /** Answers the term the number was reserved in. */
    record ReserveSessionNumber(@TargetAggregateIdentifier String registerId, String councilId, int number,
                                String sessionId, LocalDate scheduledFor) {
    }

    /** Answers {@link Adopted}. */
    record AdoptResolution(@TargetAggregateIdentifier String registerId, String councilId, String sessionId,
                           String motionId, MotionKind kind, String title, String text, LocalDate adoptedOn,
                           List<String> amends, List<String> repeals, String delegateId) {
    }

    record Adopted(String resolutionId, String number) {
    }
}
