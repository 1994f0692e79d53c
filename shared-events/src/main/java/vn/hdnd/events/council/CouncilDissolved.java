package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The council ceases on {@code effectiveOn} (e.g. the 2025 tier restructuring); its history stays queryable. */
@Revision("1")
public record CouncilDissolved(String councilId, LocalDate effectiveOn, List<String> successorIds, String basis) {
}
