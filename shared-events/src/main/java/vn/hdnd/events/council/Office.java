package vn.hdnd.events.council;

/** Offices a council elects from its delegates (chức danh). Committee offices belong to one committee (ban). */
public enum Office {
    CHAIR, VICE_CHAIR, COMMITTEE_HEAD, COMMITTEE_DEPUTY_HEAD, STANDING_MEMBER;

    public boolean belongsToCommittee() {
        return this == COMMITTEE_HEAD || this == COMMITTEE_DEPUTY_HEAD;
    }
}
