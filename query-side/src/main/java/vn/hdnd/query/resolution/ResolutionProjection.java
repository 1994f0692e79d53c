package vn.hdnd.query.resolution;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.events.session.ResolutionAdopted;
import vn.hdnd.events.session.ResolutionAmended;
import vn.hdnd.events.session.ResolutionRepealed;

/**
 * The "resolutions" projection: every resolution of every council's register, with folded search columns computed
 * here in Java (so both databases fold alike), and the amendment and repeal links with their dates. It owns the tables
 * of V11__resolution_views.sql; {@link ResolutionQueries} reads them.
 */
@Component
@ProcessingGroup(ResolutionProjection.NAME)
class ResolutionProjection {
    static final String NAME = "resolutions";
    private final JdbcClient jdbc;

    ResolutionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResolutionAdopted e) {
        String searchable = e.number() + " " + e.title() + (e.text() == null ? "" : " " + e.text());
        jdbc.sql("""
                        INSERT INTO resolution_view
                            (resolution_id, council_id, resolution_number, adopted_year, sequence_in_year, session_id,
                             motion_id, kind, title, body_text, adopted_on, delegate_id, search_lower, search_folded,
                             title_folded)
                        VALUES (:id, :council, :number, :year, :sequence, :session, :motion, :kind, :title, :text,
                                :on, :delegate, :lower, :folded, :titleFolded)""")
                .param("id", e.resolutionId()).param("council", e.councilId()).param("number", e.number())
                .param("year", e.year()).param("sequence", e.sequence()).param("session", e.sessionId())
                .param("motion", e.motionId()).param("kind", e.kind().name())
                .param("title", VietnameseText.nfc(e.title()))
                .param("text", e.text() == null ? null : VietnameseText.nfc(e.text()))
                .param("on", e.adoptedOn()).param("delegate", e.delegateId())
                .param("lower", VietnameseText.lower(searchable))
                .param("folded", VietnameseText.fold(searchable))
                .param("titleFolded", VietnameseText.fold(e.title()))
                .update();
    }

    @EventHandler
    void on(ResolutionAmended e) {
        link(e.resolutionId(), "AMENDED", e.amendedBy(), e.amendedByNumber(), e.effectiveOn());
    }

    @EventHandler
    void on(ResolutionRepealed e) {
        link(e.resolutionId(), "REPEALED", e.repealedBy(), e.repealedByNumber(), e.effectiveOn());
    }

    private void link(String resolutionId, String change, String byId, String byNumber, java.time.LocalDate on) {
        jdbc.sql("""
                        INSERT INTO resolution_link_view (resolution_id, change, by_id, by_number, effective_on)
                        VALUES (:id, :change, :by, :byNumber, :on)""")
                .param("id", resolutionId).param("change", change).param("by", byId).param("byNumber", byNumber)
                .param("on", on)
                .update();
    }

    /** A rebuild replays every event into empty tables. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM resolution_link_view").update();
        jdbc.sql("DELETE FROM resolution_view").update();
    }
}
