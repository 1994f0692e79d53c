package vn.hdnd.command.oversight;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What opening a case needs to know about its council: when it existed and its committees. Backed by the log. */
interface CouncilLookup {
    Optional<CouncilFacts> find(String councilId);

    /**
     * A council as the record knows it: established on, dissolved on (null while active), committees by id with the
     * date each was formed.
     */
    record CouncilFacts(LocalDate establishedOn, LocalDate dissolvedOn, Map<String, LocalDate> committees) {
        boolean activeOn(LocalDate date) {
            return !date.isBefore(establishedOn) && (dissolvedOn == null || date.isBefore(dissolvedOn));
        }
    }
}
