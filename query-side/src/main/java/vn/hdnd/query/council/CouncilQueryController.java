package vn.hdnd.query.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.events.council.Tier;
import vn.hdnd.query.council.CouncilQueries.CouncilDetail;
import vn.hdnd.query.council.CouncilQueries.CouncilSummary;
import vn.hdnd.query.council.CouncilQueries.Delegate;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.support.Dates;
import vn.hdnd.query.support.NotFound;

import java.time.LocalDate;
import java.util.List;

/** Public reads of councils and delegates, as valid on {@code asOf} (default: today in Vietnam). */
@RestController
@ReadsFrom("councils")
@RequestMapping("/api/v1/councils")
@Tag(name = "Councils")
class CouncilQueryController {
    private final CouncilQueries queries;

    CouncilQueryController(CouncilQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Councils with seats, delegates, full-time delegates and whether leadership is complete")
    List<CouncilSummary> list(@RequestParam(required = false) Tier tier,
                              @RequestParam(required = false) String parentId,
                              @Parameter(description = "valid date, default today")
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate asOf) {
        return queries.list(tier == null ? null : tier.name(), parentId, Dates.orToday(asOf));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One council with its term, offices and committees")
    CouncilDetail get(@PathVariable String id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        return queries.find(id, date)
                .orElseThrow(() -> new NotFound("council " + id + " is not in the record on " + date));
    }

    @GetMapping("/{id}/delegates")
    @Operation(summary = "Delegates seated on the date")
    List<Delegate> delegates(@PathVariable String id,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        if (!queries.exists(id, date)) {
            throw new NotFound("council " + id + " is not in the record on " + date);
        }
        return queries.delegates(id, date);
    }
}
