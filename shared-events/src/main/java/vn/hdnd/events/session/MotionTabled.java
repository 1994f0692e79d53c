package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A motion is put before the session. A resolution motion may amend or repeal earlier resolutions of the same council
 * ({@code amends}, {@code repeals}: resolution ids); a dismissal names the delegate ({@code delegateId}).
 */
@Revision("1")
public record MotionTabled(String sessionId, String councilId, String motionId, String title, MotionKind kind,
                           String text, List<String> amends, List<String> repeals, String delegateId) {
}
