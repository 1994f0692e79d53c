package vn.hdnd.query.projection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static java.sql.Types.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedWritesTest {
    private static final BatchedWrites.Statement SEAT = new BatchedWrites.Statement("delegate_view", "seat", VARCHAR);
    private static final BatchedWrites.Statement END = new BatchedWrites.Statement("delegate_view", "end", VARCHAR);
    private static final BatchedWrites.Statement FULL_TIME =
            new BatchedWrites.Statement("delegate_view", "full-time", VARCHAR);
    private static final BatchedWrites.Statement OFFICE = new BatchedWrites.Statement("office_view", "office", VARCHAR);

    /** What the writes would send: one line per JDBC batch, "sql: rows". */
    private static List<String> sent(BatchedWrites writes) {
        List<String> batches = new ArrayList<>();
        writes.drain((statement, rows) -> batches.add(statement.sql() + ": "
                + String.join(",", rows.stream().map(row -> (String) row[0]).toList())));
        return batches;
    }

    @Test
    void keepsTheEventOrderOnATableAndBatchesOnlyConsecutiveStatements() {
        BatchedWrites writes = new BatchedWrites();
        writes.add(SEAT, "d0");
        writes.add(SEAT, "d1");
        writes.add(END, "d0");
        writes.add(OFFICE, "d1");
        writes.add(FULL_TIME, "d1");
        writes.add(END, "d1");
        writes.add(SEAT, "d2");
        writes.add(OFFICE, "d2");

        // Grouping every END together (they are the same SQL) would end d1's mandate before the full-time update,
        // which only applies to an open mandate: d1 would never count as full-time. Runs keep that order.
        assertThat(sent(writes)).containsExactly(
                "seat: d0,d1", "end: d0", "full-time: d1", "end: d1", "seat: d2",
                // Another table's statements read nothing of delegate_view: they go in one batch of their own.
                "office: d1,d2");
    }

    @Test
    void forgetsWhatItSent() {
        BatchedWrites writes = new BatchedWrites();
        writes.add(SEAT, "d0");
        assertThat(sent(writes)).containsExactly("seat: d0");
        assertThat(writes.isEmpty()).isTrue();
        assertThat(sent(writes)).isEmpty();
    }

    @Test
    void refusesTheWrongNumberOfParameters() {
        assertThatThrownBy(() -> new BatchedWrites().add(SEAT, "d0", "extra"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
