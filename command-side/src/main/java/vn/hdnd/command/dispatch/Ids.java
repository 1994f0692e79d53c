package vn.hdnd.command.dispatch;

import java.util.UUID;

/** Identifiers chosen by clients follow {@link #PATTERN}; when a client sends none, the server mints one. */
public final class Ids {
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    private Ids() {
    }

    /** A new id: the prefix (e.g. the parent council id), a dash and 8 random hex digits. */
    public static String mint(String prefix) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return prefix == null ? random : prefix + "-" + random;
    }
}
