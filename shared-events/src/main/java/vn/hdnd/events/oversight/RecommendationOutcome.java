package vn.hdnd.events.oversight;

/**
 * How a recommendation (kiến nghị) ends, as in audit-recommendation trackers: implemented, not implemented,
 * superseded (by a later recommendation, e.g. of a re-examination) or withdrawn.
 */
public enum RecommendationOutcome {
    IMPLEMENTED, NOT_IMPLEMENTED, SUPERSEDED, WITHDRAWN
}
