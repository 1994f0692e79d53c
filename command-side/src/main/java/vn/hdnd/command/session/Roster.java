package vn.hdnd.command.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A council's membership history as the council's own events tell it: when it existed, its terms and every mandate.
 * Answers "who was seated on date d", which is what every vote is counted against.
 *
 * @param mandates delegate id to mandate; a delegate holds at most one mandate per council
 */
record Roster(String councilId, LocalDate establishedOn, LocalDate dissolvedOn, List<Term> terms,
              Map<String, Mandate> mandates) {

    Roster {
        terms = List.copyOf(terms);
        mandates = Map.copyOf(mandates);
    }

    /** A term valid from {@code startsOn} (inclusive) until {@code endsOn} (exclusive; null while open). */
    record Term(String term, LocalDate startsOn, LocalDate endsOn) {
        boolean validOn(LocalDate date) {
            return !startsOn.isAfter(date) && (endsOn == null || endsOn.isAfter(date));
        }
    }

    /** A mandate valid from {@code seatedOn} (inclusive) until {@code endedOn} (exclusive; null while open). */
    record Mandate(LocalDate seatedOn, LocalDate endedOn) {
        boolean validOn(LocalDate date) {
            return !seatedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
        }
    }

    /** The council existed and was not dissolved on {@code date}. */
    boolean activeOn(LocalDate date) {
        return !establishedOn.isAfter(date) && (dissolvedOn == null || dissolvedOn.isAfter(date));
    }

    Optional<String> termOn(LocalDate date) {
        return terms.stream().filter(t -> t.validOn(date)).map(Term::term).findFirst();
    }

    /** Delegates whose mandate is valid on {@code date}: seated on or before it and not ended on or before it. */
    Set<String> seatedOn(LocalDate date) {
        Set<String> seated = new TreeSet<>();
        mandates.forEach((id, mandate) -> {
            if (mandate.validOn(date)) {
                seated.add(id);
            }
        });
        return seated;
    }

    boolean isSeated(String delegateId, LocalDate date) {
        Mandate mandate = mandates.get(delegateId);
        return mandate != null && mandate.validOn(date);
    }
}
