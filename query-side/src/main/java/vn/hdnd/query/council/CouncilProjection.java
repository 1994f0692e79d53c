package vn.hdnd.query.council;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/**
 * The "councils" projection: councils, terms, delegates, offices and committees, each row with its valid-time
 * interval so that every query can answer as of a date. It owns the tables of V3__council_views.sql; the queries that
 * read them are in {@link CouncilQueries}.
 */
@Component
@ProcessingGroup(CouncilProjection.NAME)
class CouncilProjection {
    static final String NAME = "councils";
    private final JdbcClient jdbc;

    CouncilProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CouncilEstablished e) {
        jdbc.sql("""
                        INSERT INTO council_view (council_id, name, tier, parent_id, established_on)
                        VALUES (:id, :name, :tier, :parent, :on)""")
                .param("id", e.councilId()).param("name", e.name()).param("tier", e.tier().name())
                .param("parent", e.parentId()).param("on", e.establishedOn())
                .update();
    }

    @EventHandler
    void on(TermOpened e) {
        jdbc.sql("""
                        INSERT INTO council_term_view (council_id, term, seats, starts_on)
                        VALUES (:id, :term, :seats, :on)""")
                .param("id", e.councilId()).param("term", e.term()).param("seats", e.seats())
                .param("on", e.startsOn())
                .update();
    }

    @EventHandler
    void on(TermEnded e) {
        jdbc.sql("UPDATE council_term_view SET ends_on = :on WHERE council_id = :id AND term = :term")
                .param("on", e.endsOn()).param("id", e.councilId()).param("term", e.term())
                .update();
    }

    @EventHandler
    void on(DelegateSeated e) {
        jdbc.sql("""
                        INSERT INTO delegate_view
                            (council_id, term, delegate_id, full_name, constituency, seated_on, full_time_from)
                        VALUES (:council, :term, :id, :name, :constituency, :on, :fullTimeFrom)""")
                .param("council", e.councilId()).param("term", e.term()).param("id", e.delegateId())
                .param("name", e.fullName()).param("constituency", e.constituency()).param("on", e.seatedOn())
                .param("fullTimeFrom", e.fullTime() ? e.seatedOn() : null)
                .update();
    }

    @EventHandler
    void on(MandateEnded e) {
        jdbc.sql("""
                        UPDATE delegate_view SET ended_on = :on, end_reason = :reason
                         WHERE council_id = :council AND delegate_id = :id AND ended_on IS NULL""")
                .param("on", e.effectiveOn()).param("reason", e.reason().name())
                .param("council", e.councilId()).param("id", e.delegateId())
                .update();
    }

    @EventHandler
    void on(OfficeAssigned e, EventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO office_view
                            (office_id, council_id, delegate_id, office, committee_id, full_time, starts_on, basis)
                        VALUES (:officeId, :council, :delegate, :office, :committee, :fullTime, :on, :basis)""")
                .param("officeId", message.getIdentifier()).param("council", e.councilId())
                .param("delegate", e.delegateId()).param("office", e.office().name())
                .param("committee", e.committeeId()).param("fullTime", e.fullTime()).param("on", e.effectiveOn())
                .param("basis", e.basis())
                .update();
        if (e.fullTime()) {
            // A full-time office makes its holder a full-time delegate from that date on.
            jdbc.sql("""
                            UPDATE delegate_view SET full_time_from = :on
                             WHERE council_id = :council AND delegate_id = :delegate AND ended_on IS NULL
                               AND (full_time_from IS NULL OR full_time_from > :on)""")
                    .param("on", e.effectiveOn()).param("council", e.councilId()).param("delegate", e.delegateId())
                    .update();
        }
    }

    @EventHandler
    void on(OfficeVacated e) {
        jdbc.sql("""
                        UPDATE office_view SET ends_on = :on
                         WHERE council_id = :council AND delegate_id = :delegate AND office = :office
                           AND COALESCE(committee_id, '') = :committee AND ends_on IS NULL""")
                .param("on", e.effectiveOn()).param("council", e.councilId()).param("delegate", e.delegateId())
                .param("office", e.office().name()).param("committee", e.committeeId() == null ? "" : e.committeeId())
                .update();
    }

    @EventHandler
    void on(CommitteeFormed e) {
        jdbc.sql("""
                        INSERT INTO committee_view (council_id, committee_id, name, formed_on)
                        VALUES (:council, :id, :name, :on)""")
                .param("council", e.councilId()).param("id", e.committeeId()).param("name", e.name())
                .param("on", e.formedOn())
                .update();
    }

    @EventHandler
    void on(CouncilDissolved e) {
        jdbc.sql("""
                        UPDATE council_view SET dissolved_on = :on, successor_ids = :successors,
                               dissolution_basis = :basis
                         WHERE council_id = :id""")
                .param("on", e.effectiveOn()).param("successors", String.join(",", e.successorIds()))
                .param("basis", e.basis()).param("id", e.councilId())
                .update();
    }

    /** A rebuild replays every event into empty tables. */
    @ResetHandler
    void reset() {
        for (String table : new String[]{"office_view", "committee_view", "delegate_view", "council_term_view",
                "council_view"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
