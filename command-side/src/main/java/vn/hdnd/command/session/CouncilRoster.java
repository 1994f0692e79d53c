package vn.hdnd.command.session;

import java.util.Optional;

/**
 * Looks up a council's roster. The session aggregate is separate from the council aggregate, which owns mandates;
 * votes and attendance are checked against the roster the council's events describe.
 */
interface CouncilRoster {
    /** Empty when the council is not in the record. */
    Optional<Roster> of(String councilId);
}
