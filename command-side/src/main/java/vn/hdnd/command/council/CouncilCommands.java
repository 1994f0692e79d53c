package vn.hdnd.command.council;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.Tier;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands on a council. {@code expectedVersion} carries the client's {@code If-Match}; null means "any version".
 * {@link EndMandate} is public: a dismissal adopted by a session's vote ends the delegate's mandate through it.
 */
public final class CouncilCommands {
    private CouncilCommands() {
    }

    record EstablishCouncil(@TargetAggregateIdentifier String councilId, String name, Tier tier, String parentId,
                            LocalDate establishedOn) {
    }

    record OpenTerm(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                    String term, int seats, LocalDate startsOn) {
    }

    record EndTerm(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                   String term, LocalDate endsOn) {
    }

    record SeatDelegate(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                        String delegateId, String fullName, boolean fullTime, String constituency,
                        LocalDate seatedOn) {
    }

    public record EndMandate(@TargetAggregateIdentifier String councilId,
                             @TargetAggregateVersion Long expectedVersion,
                             String delegateId, MandateEndReason reason, LocalDate effectiveOn, String basis) {
    }

    record AssignOffice(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                        String delegateId, Office office, String committeeId, boolean fullTime,
                        LocalDate effectiveOn, String basis) {
    }

    record VacateOffice(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                        String delegateId, Office office, String committeeId, LocalDate effectiveOn, String basis) {
    }

    record FormCommittee(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                         String committeeId, String name, LocalDate formedOn) {
    }

    record DissolveCouncil(@TargetAggregateIdentifier String councilId, @TargetAggregateVersion Long expectedVersion,
                           LocalDate effectiveOn, List<String> successorIds, String basis) {
    }
}
