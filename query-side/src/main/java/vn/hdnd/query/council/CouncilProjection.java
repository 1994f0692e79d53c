package vn.hdnd.query.council;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.CouncilDissolved;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;
import vn.hdnd.events.council.TermEnded;
import vn.hdnd.events.council.TermOpened;
import vn.hdnd.query.projection.BatchedWrites;
import vn.hdnd.query.support.Databases;

import javax.sql.DataSource;
import java.sql.SQLException;

import static java.sql.Types.BOOLEAN;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

/**
 * The "councils" projection: councils, terms, delegates, offices and committees, each row with its valid-time
 * interval so that every query can answer as of a date. It owns the tables of V3__council_views.sql; the queries that
 * read them are in {@link CouncilQueries}.
 *
 * <p>Handlers do not write at once: each adds its statement to the unit of work's {@link BatchedWrites}, which sends
 * them as JDBC batches when the processor's batch prepares to commit, in the transaction that stores its token (see
 * there for why the order of the statements is kept where it matters).
 */
@Component
@ProcessingGroup(CouncilProjection.NAME)
class CouncilProjection {
    static final String NAME = "councils";

    static final BatchedWrites.Statement INSERT_COUNCIL = new BatchedWrites.Statement("council_view", """
            INSERT INTO council_view (council_id, name, tier, parent_id, established_on)
            VALUES (?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, VARCHAR, DATE);
    static final BatchedWrites.Statement DISSOLVE_COUNCIL = new BatchedWrites.Statement("council_view", """
            UPDATE council_view SET dissolved_on = ?, successor_ids = ?, dissolution_basis = ?
             WHERE council_id = ?""", DATE, VARCHAR, VARCHAR, VARCHAR);
    static final BatchedWrites.Statement INSERT_TERM = new BatchedWrites.Statement("council_term_view", """
            INSERT INTO council_term_view (council_id, term, seats, starts_on)
            VALUES (?, ?, ?, ?)""", VARCHAR, VARCHAR, INTEGER, DATE);
    static final BatchedWrites.Statement END_TERM = new BatchedWrites.Statement("council_term_view",
            "UPDATE council_term_view SET ends_on = ? WHERE council_id = ? AND term = ?", DATE, VARCHAR, VARCHAR);
    static final BatchedWrites.Statement INSERT_DELEGATE = new BatchedWrites.Statement("delegate_view", """
            INSERT INTO delegate_view
                (council_id, term, delegate_id, full_name, constituency, seated_on, full_time_from)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DATE, DATE);
    static final BatchedWrites.Statement END_MANDATE = new BatchedWrites.Statement("delegate_view", """
            UPDATE delegate_view SET ended_on = ?, end_reason = ?
             WHERE council_id = ? AND delegate_id = ? AND ended_on IS NULL""", DATE, VARCHAR, VARCHAR, VARCHAR);
    /** A full-time office makes its holder a full-time delegate from that date on. */
    static final BatchedWrites.Statement FULL_TIME_FROM = new BatchedWrites.Statement("delegate_view", """
            UPDATE delegate_view SET full_time_from = ?
             WHERE council_id = ? AND delegate_id = ? AND ended_on IS NULL
               AND (full_time_from IS NULL OR full_time_from > ?)""", DATE, VARCHAR, VARCHAR, DATE);
    static final BatchedWrites.Statement INSERT_OFFICE = new BatchedWrites.Statement("office_view", """
            INSERT INTO office_view
                (office_id, council_id, delegate_id, office, committee_id, full_time, starts_on, basis)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BOOLEAN, DATE, VARCHAR);
    static final BatchedWrites.Statement VACATE_OFFICE = new BatchedWrites.Statement("office_view", """
            UPDATE office_view SET ends_on = ?
             WHERE council_id = ? AND delegate_id = ? AND office = ?
               AND COALESCE(committee_id, '') = ? AND ends_on IS NULL""", DATE, VARCHAR, VARCHAR, VARCHAR, VARCHAR);
    static final BatchedWrites.Statement INSERT_COMMITTEE = new BatchedWrites.Statement("committee_view", """
            INSERT INTO committee_view (council_id, committee_id, name, formed_on)
            VALUES (?, ?, ?, ?)""", VARCHAR, VARCHAR, VARCHAR, DATE);

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    CouncilProjection(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    @EventHandler
    void on(CouncilEstablished e) {
        writes().add(INSERT_COUNCIL, e.councilId(), e.name(), e.tier().name(), e.parentId(), e.establishedOn());
    }

    @EventHandler
    void on(TermOpened e) {
        writes().add(INSERT_TERM, e.councilId(), e.term(), e.seats(), e.startsOn());
    }

    @EventHandler
    void on(TermEnded e) {
        writes().add(END_TERM, e.endsOn(), e.councilId(), e.term());
    }

    @EventHandler
    void on(DelegateSeated e) {
        writes().add(INSERT_DELEGATE, e.councilId(), e.term(), e.delegateId(), e.fullName(), e.constituency(),
                e.seatedOn(), e.fullTime() ? e.seatedOn() : null);
    }

    @EventHandler
    void on(MandateEnded e) {
        writes().add(END_MANDATE, e.effectiveOn(), e.reason().name(), e.councilId(), e.delegateId());
    }

    @EventHandler
    void on(OfficeAssigned e, EventMessage<?> message) {
        BatchedWrites writes = writes();
        writes.add(INSERT_OFFICE, message.getIdentifier(), e.councilId(), e.delegateId(), e.office().name(),
                e.committeeId(), e.fullTime(), e.effectiveOn(), e.basis());
        if (e.fullTime()) {
            writes.add(FULL_TIME_FROM, e.effectiveOn(), e.councilId(), e.delegateId(), e.effectiveOn());
        }
    }

    @EventHandler
    void on(OfficeVacated e) {
        writes().add(VACATE_OFFICE, e.effectiveOn(), e.councilId(), e.delegateId(), e.office().name(),
                e.committeeId() == null ? "" : e.committeeId());
    }

    @EventHandler
    void on(CommitteeFormed e) {
        writes().add(INSERT_COMMITTEE, e.councilId(), e.committeeId(), e.name(), e.formedOn());
    }

    @EventHandler
    void on(CouncilDissolved e) {
        writes().add(DISSOLVE_COUNCIL, e.effectiveOn(), String.join(",", e.successorIds()), e.basis(),
                e.councilId());
    }

    private BatchedWrites writes() {
        return BatchedWrites.ofCurrentBatch(CouncilProjection.class, jdbc);
    }

    /**
     * A rebuild replays every event into empty tables. On PostgreSQL, TRUNCATE (transactional there, and part of the
     * reset's transaction with the tokens) rather than DELETE: a DELETE of a million rows takes seconds and leaves as
     * many dead rows, which every INSERT of the replay then meets in the primary key index (same keys again) until
     * a vacuum. H2's TRUNCATE commits the open transaction, so H2 keeps DELETE.
     */
    @ResetHandler
    void reset() {
        String tables = "office_view, committee_view, delegate_view, council_term_view, council_view";
        if (postgres) {
            jdbc.execute("TRUNCATE " + tables);
        } else {
            for (String table : tables.split(", ")) {
                jdbc.update("DELETE FROM " + table);
            }
        }
    }
}
