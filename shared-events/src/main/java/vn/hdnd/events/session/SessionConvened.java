package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The session opens. {@code presentDelegateIds} is the attendance; {@code totalDelegates} the number of delegates
 * whose mandate was valid on {@code convenedOn}.
 */
@Revision("1")
public record SessionConvened(String sessionId, String councilId, LocalDate convenedOn,
                              List<String> presentDelegateIds, int totalDelegates) {
}
