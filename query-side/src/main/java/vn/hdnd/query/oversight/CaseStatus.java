package vn.hdnd.query.oversight;

/**
 * A case's status on a date: {@code OPEN} while under oversight, {@code CONCLUDED} once its conclusion is issued (its
 * recommendations are being followed up), {@code CLOSED} once closed.
 */
enum CaseStatus {
    OPEN, CONCLUDED, CLOSED
}
