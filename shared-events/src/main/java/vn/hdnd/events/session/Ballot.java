package vn.hdnd.events.session;

/** One delegate's recorded ballot. */
public record Ballot(String delegateId, VoteChoice choice) {
}
