package vn.hdnd.events.council;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A committee (ban) of the council is formed. */
@Revision("1")
public record CommitteeFormed(String councilId, String committeeId, String name, LocalDate formedOn) {
}
