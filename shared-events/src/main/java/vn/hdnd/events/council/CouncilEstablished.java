package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A council enters the record. {@code parentId} is null for a province-tier council. */
@Revision("1")
public record CouncilEstablished(String councilId, String name, Tier tier, String parentId, LocalDate establishedOn) {
}
