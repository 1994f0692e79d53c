package vn.hdnd.events.session;

/** Kinds of session (kỳ họp): thường lệ, chuyên đề, bất thường. */
public enum SessionKind {
    REGULAR, THEMATIC, URGENT
}
