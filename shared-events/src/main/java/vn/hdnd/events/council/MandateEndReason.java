package vn.hdnd.events.council;

/** Why a delegate's mandate ended (thôi làm nhiệm vụ, bãi nhiệm, từ trần, chuyển công tác, hết nhiệm kỳ). */
public enum MandateEndReason {
    RESIGNED, DISMISSED, DECEASED, TRANSFERRED, TERM_ENDED, COUNCIL_DISSOLVED
}
