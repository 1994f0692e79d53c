package vn.hdnd.command.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rosters built in memory for fixture tests, standing in for the council's event stream. */
final class Rosters implements CouncilRoster {
    static final String COUNCIL = "vn-hn";
    static final LocalDate ESTABLISHED = LocalDate.of(2008, 8, 1);
    static final LocalDate TERM_START = LocalDate.of(2021, 5, 23);
    static final LocalDate SEATED = LocalDate.of(2021, 6, 1);

    private final Map<String, Roster> rosters = new HashMap<>();

    /** The city council of the article: {@code delegates} delegates d1..dN seated on 1 June 2021, term 2021-2026. */
    static Builder council(int delegates) {
        Builder builder = new Builder();
        for (int i = 1; i <= delegates; i++) {
            builder.mandates.put("d" + i, new Roster.Mandate(SEATED, null));
        }
        return builder;
    }

    static final class Builder {
        private final Map<String, Roster.Mandate> mandates = new HashMap<>();
        private final List<Roster.Term> terms =
                new ArrayList<>(List.of(new Roster.Term("2021-2026", TERM_START, null)));
        private LocalDate dissolvedOn;

        Builder endedOn(String delegateId, LocalDate endedOn) {
            mandates.computeIfPresent(delegateId, (id, m) -> new Roster.Mandate(m.seatedOn(), endedOn));
            return this;
        }

        Builder seated(String delegateId, LocalDate seatedOn) {
            mandates.put(delegateId, new Roster.Mandate(seatedOn, null));
            return this;
        }

        Builder termEndsOn(LocalDate endsOn) {
            terms.replaceAll(t -> new Roster.Term(t.term(), t.startsOn(), endsOn));
            return this;
        }

        Builder dissolvedOn(LocalDate date) {
            dissolvedOn = date;
            return this;
        }

        Rosters build() {
            Rosters rosters = new Rosters();
            rosters.rosters.put(COUNCIL, new Roster(COUNCIL, ESTABLISHED, dissolvedOn, terms, mandates));
            return rosters;
        }
    }

    @Override
    public Optional<Roster> of(String councilId) {
        return Optional.ofNullable(rosters.get(councilId));
    }
}
