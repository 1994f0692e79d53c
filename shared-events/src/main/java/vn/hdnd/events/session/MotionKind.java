package vn.hdnd.events.session;

/** What a motion asks the council to decide: a resolution (nghị quyết), or the dismissal (bãi nhiệm) of a delegate. */
public enum MotionKind {
    RESOLUTION, DISMISSAL
}
