package vn.hdnd.query.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Vietnamese calendar days: "today" is today in Hanoi, whatever the server's zone. */
public final class Dates {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Dates() {
    }

    public static LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(VIETNAM);
    }
}
