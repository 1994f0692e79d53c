package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Resolution {@code resolutionId} is repealed (bãi bỏ) by {@code repealedBy} from {@code effectiveOn}. */
@Revision("1")
public record ResolutionRepealed(String councilId, String resolutionId, String repealedBy, String repealedByNumber,
                                 LocalDate effectiveOn) {
}
