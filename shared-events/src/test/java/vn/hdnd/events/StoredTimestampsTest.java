package vn.hdnd.events;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's form is read as {@code java.time} reads it; any other form, and text naming no instant, is left alone. */
class StoredTimestampsTest {
    @Test
    void readsWhatAxonWritesAsAxonAndJavaTimeRead() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parseAxonForm(stored)).as(stored).isEqualTo(Instant.parse(stored))
                    .isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(instant);
        }
        for (String stored : List.of("1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2000-12-31T00:00:00.001Z",
                "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z")) {
            assertThat(StoredTimestamps.parseAxonForm(stored)).as(stored).isEqualTo(Instant.parse(stored));
        }
    }

    @Test
    void leavesOtherFormsAndImpossibleDatesToTheCaller() {
        for (String other : List.of("2026-11-26T05:03:00Z", "2026-11-26T12:03:00.123+07:00",
                "2026-11-26T05:03:00.123456789Z", "2026-11-26t05:03:00.123z", "+12026-11-26T05:03:00.123Z",
                "2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-26T24:00:00.000Z",
                "2026-11-26T05:03:60.000Z", "2026-11-2xT05:03:00.000Z", "2026-11-26 05:03:00.000Z", "")) {
            assertThat(StoredTimestamps.parseAxonForm(other)).as(other).isNull();
        }
    }
}
