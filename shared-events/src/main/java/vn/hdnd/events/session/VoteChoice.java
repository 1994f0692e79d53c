package vn.hdnd.events.session;

/** One delegate's ballot: tán thành, không tán thành, không biểu quyết. */
public enum VoteChoice {
    YES, NO, ABSTAIN
}
