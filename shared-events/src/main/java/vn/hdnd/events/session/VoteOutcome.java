package vn.hdnd.events.session;

/** The outcome of a vote, computed by the rule that applied; never chosen by a client. */
public enum VoteOutcome {
    ADOPTED, REJECTED
}
