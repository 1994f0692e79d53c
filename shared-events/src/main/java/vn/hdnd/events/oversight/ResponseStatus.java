package vn.hdnd.events.oversight;

/**
 * What an agency reports about its work on a recommendation. A report of {@code IMPLEMENTED} does not close the
 * recommendation: only the council closes it, with an outcome.
 */
public enum ResponseStatus {
    IN_PROGRESS, PARTIALLY_IMPLEMENTED, IMPLEMENTED, NOT_IMPLEMENTED
}
