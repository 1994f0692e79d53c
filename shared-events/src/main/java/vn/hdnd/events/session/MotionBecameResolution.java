package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

/** An adopted motion received its resolution: the id and the number the council's register gave it. */
@Revision("1")
public record MotionBecameResolution(String sessionId, String councilId, String motionId, String resolutionId,
                                     String number) {
}
