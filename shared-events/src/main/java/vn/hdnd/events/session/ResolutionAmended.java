package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Resolution {@code resolutionId} is amended (sửa đổi, bổ sung) by {@code amendedBy} from {@code effectiveOn}. */
@Revision("1")
public record ResolutionAmended(String councilId, String resolutionId, String amendedBy, String amendedByNumber,
                                LocalDate effectiveOn) {
}
