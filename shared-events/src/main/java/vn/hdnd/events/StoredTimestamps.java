package vn.hdnd.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code time_stamp} column of the event store, read fast. Axon writes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
 * ({@code DateTimeUtils.formatInstant}); {@code java.time}'s parsers took a sixth of the ledger's time to read it
 * (JFR, bench/README.md). The event store's engine and the ledger read it here, and leave any other form to the
 * parser each used before.
 */
public final class StoredTimestamps {
    private StoredTimestamps() {
    }

    /** The instant a timestamp in Axon's form names, or null if the text is in another form or names no instant. */
    public static Instant parseAxonForm(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour >= 24 || minute < 0 || minute >= 60
                || second < 0 || second >= 60 || millis < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
        } catch (DateTimeException e) {
            return null; // not a date (month 13, 30 February): the other parser says so
        }
    }

    /** The decimal number in {@code length} characters from {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
