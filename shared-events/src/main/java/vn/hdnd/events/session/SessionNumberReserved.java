package vn.hdnd.events.session;

import org.axonframework.serialization.Revision;

/** The council's register gives session {@code sessionId} its number within {@code term}; a number is given once. */
@Revision("1")
public record SessionNumberReserved(String councilId, String term, int number, String sessionId) {
}
