package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An adopted motion enters the council's register as a resolution (nghị quyết). {@code number} is
 * {@code <sequence>/<year>/NQ-HĐND}, the sequence running per council and calendar year of adoption, never reused.
 * The vote itself is the {@link VoteRecorded} of {@code sessionId} and {@code motionId}.
 */
@Revision("1")
public record ResolutionAdopted(String councilId, String resolutionId, String number, int year, int sequence,
                                String sessionId, String motionId, MotionKind kind, String title, String text,
                                LocalDate adoptedOn, List<String> amends, List<String> repeals, String delegateId) {
}
