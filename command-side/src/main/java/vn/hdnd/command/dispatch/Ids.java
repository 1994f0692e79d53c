package vn.hdnd.command.dispatch;

import org.springframework.http.HttpStatus;

import java.util.UUID;

/**
 * Identifiers chosen by clients follow {@link #PATTERN}; when a client sends none, the server mints one. Either way an
 * id has at most {@link #MAX_LENGTH} characters, the width of the id columns of the read models.
 */
public final class Ids {
    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}";

    private Ids() {
    }

    /**
     * A new id: the prefix (e.g. the parent council id), a dash and 8 random hex digits. A prefix too long for that
     * to fit is the client's to resolve (400): it can choose a shorter id itself.
     */
    public static String mint(String prefix) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        String id = prefix == null ? random : prefix + "-" + random;
        if (id.length() > MAX_LENGTH) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    "an id minted from " + prefix + " would be longer than " + MAX_LENGTH
                            + " characters; give an id of your own");
        }
        return id;
    }
}
