package vn.hdnd.query.oversight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.council.CouncilQueries;
import vn.hdnd.query.oversight.OversightQueries.AgencyFigures;
import vn.hdnd.query.oversight.OversightQueries.Case;
import vn.hdnd.query.oversight.OversightQueries.ChainLink;
import vn.hdnd.query.oversight.OversightQueries.Recommendation;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.support.Dates;
import vn.hdnd.query.support.NotFound;

import java.time.LocalDate;
import java.util.List;

/**
 * Public reads of oversight cases and recommendations, as valid on {@code asOf} (default: today in Vietnam). A
 * {@code councilId} filter covers the council and every council below it.
 */
@RestController
@ReadsFrom({"oversight", "councils"})
@Tag(name = "Oversight")
class OversightQueryController {
    private final OversightQueries queries;
    private final CouncilQueries councils;

    OversightQueryController(OversightQueries queries, CouncilQueries councils) {
        this.queries = queries;
        this.councils = councils;
    }

    @GetMapping("/api/v1/oversight-cases")
    @Operation(summary = "Oversight cases with their recommendations (status, overdue) and re-examination links")
    List<Case> list(@Parameter(description = "the council and every council below it")
                    @RequestParam(required = false) String councilId,
                    @RequestParam(required = false) CaseStatus status,
                    @Parameter(description = "true: cases with an overdue recommendation; false: cases with none")
                    @RequestParam(required = false) Boolean overdue,
                    @Parameter(description = "valid date, default today")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        requireCouncil(councilId, date);
        return queries.list(councilId, date).stream()
                .filter(c -> status == null || status.name().equals(c.status()))
                .filter(c -> overdue == null || overdue == c.overdue())
                .toList();
    }

    @GetMapping("/api/v1/oversight-cases/{id}")
    @Operation(summary = "One case with findings, conclusion, recommendations and their responses, and its "
            + "re-examination links (reExaminationOf, reExaminedBy)")
    Case get(@PathVariable String id,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        return queries.find(id, date)
                .orElseThrow(() -> new NotFound("oversight case " + id + " is not in the record on " + date));
    }

    @GetMapping("/api/v1/oversight-cases/{id}/recommendations/{recId}")
    @Operation(summary = "One recommendation with its responses, re-examinations and supersession links")
    Recommendation recommendation(@PathVariable String id, @PathVariable String recId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        return queries.recommendation(id, recId, date).orElseThrow(() -> new NotFound(
                "recommendation " + recId + " of oversight case " + id + " is not in the record on " + date));
    }

    @GetMapping("/api/v1/oversight-cases/{id}/re-examination-chain")
    @Operation(summary = "The chain of re-examinations (tái giám sát) the case belongs to, from the first oversight "
            + "down, with each case's depth")
    List<ChainLink> chain(@PathVariable String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        List<ChainLink> chain = queries.chain(id, date);
        if (chain.isEmpty()) {
            throw new NotFound("oversight case " + id + " is not in the record on " + date);
        }
        return chain;
    }

    @GetMapping("/api/v1/oversight/agencies")
    @Operation(summary = "Per addressee agency: recommendations, open, overdue, implemented, not implemented and the "
            + "implementation rate = implemented / (implemented + not implemented + overdue)")
    List<AgencyFigures> agencies(@Parameter(description = "the council and every council below it; default all")
                                 @RequestParam(required = false) String councilId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        requireCouncil(councilId, date);
        return queries.agencies(councilId, date);
    }

    private void requireCouncil(String councilId, LocalDate date) {
        if (councilId != null && !councils.exists(councilId, date)) {
            throw new NotFound("council " + councilId + " is not in the record on " + date);
        }
    }
}
