package vn.hdnd.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The writes of one processor batch (one unit of work), held in memory and sent when the unit of work prepares to
 * commit: in the transaction that also stores the processor's token, as a few JDBC batches instead of one round trip
 * per event. A rebuild replays a million events; one statement per event made it wait on the database for each, and
 * under load each statement is work for PostgreSQL beside the commands'.
 *
 * <p>Order. Every statement of the projection writes exactly one table and reads no other table (an UPDATE's WHERE
 * looks only at the table it updates), so statements on different tables commute. On one table they keep the order
 * of the events: a mandate end updates the row that a seat inserted, maybe earlier in the same batch, so it must run
 * after that INSERT. Each table's statements are therefore sent in event order, consecutive statements with the same
 * SQL as one JDBC batch (a JDBC batch runs its rows in order). A handler that needs to <em>read</em> the projection's
 * tables would have to {@link #flush} first.
 */
public final class BatchedWrites {

    /** A statement of the projection: the one table it writes, its SQL with {@code ?} parameters, their JDBC types. */
    public record Statement(String table, String sql, int... types) {
    }

    /** Consecutive rows of one statement on one table. */
    private record Run(Statement statement, List<Object[]> rows) {
    }

    /** Each table's runs, in event order. */
    private final Map<String, List<Run>> tables = new LinkedHashMap<>();

    /**
     * The writes of the processor batch being handled, sent with {@code jdbc} when it prepares to commit; one set per
     * projection ({@code owner}) in the batch.
     */
    public static BatchedWrites ofCurrentBatch(Class<?> owner, JdbcTemplate jdbc) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(owner.getName() + ".writes", key -> {
            BatchedWrites writes = new BatchedWrites();
            unitOfWork.onPrepareCommit(u -> writes.flush(jdbc));
            return writes;
        });
    }

    public void add(Statement statement, Object... values) {
        if (values.length != statement.types().length) {
            throw new IllegalArgumentException(statement.sql() + " takes " + statement.types().length
                    + " parameters, not " + values.length);
        }
        List<Run> runs = tables.computeIfAbsent(statement.table(), t -> new ArrayList<>());
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || last.statement() != statement) {
            last = new Run(statement, new ArrayList<>());
            runs.add(last);
        }
        last.rows().add(values);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Sends everything held, table by table, run by run, each run as one JDBC batch, and forgets it. */
    void flush(JdbcTemplate jdbc) {
        drain((statement, rows) -> jdbc.batchUpdate(statement.sql(), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int p = 0; p < row.length; p++) {
                    // Typed even when null: every row of the batch then binds the same parameter types, so the
                    // driver keeps one prepared statement (and PostgreSQL's driver can send one multi-row INSERT
                    // when the URL has reWriteBatchedInserts=true).
                    ps.setObject(p + 1, row[p], statement.types()[p]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }));
    }

    /** Hands each run to {@code sink} in the order {@link #flush} sends them, and forgets them. */
    void drain(BiConsumer<Statement, List<Object[]>> sink) {
        for (List<Run> runs : tables.values()) {
            for (Run run : runs) {
                sink.accept(run.statement(), run.rows());
            }
        }
        tables.clear();
    }
}
