package vn.hdnd.command.session;

import java.time.LocalDate;
import java.util.Map;

/** The resolutions in a council's register, for checks made before a vote (the register checks again on adoption). */
interface RegisteredResolutions {

    record Registered(String number, LocalDate adoptedOn, boolean repealed) {
    }

    /** Resolution id to what the register knows of it; empty for a council without resolutions. */
    Map<String, Registered> of(String councilId);
}
