package vn.hdnd.query.resolution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.resolution.ResolutionQueries.Resolution;
import vn.hdnd.query.support.Dates;
import vn.hdnd.query.support.NotFound;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Public reads of resolutions, as on {@code asOf} (default: today in Vietnam). */
@RestController
@ReadsFrom({"resolutions", "sessions", "councils"})
@RequestMapping("/api/v1/resolutions")
@Tag(name = "Resolutions")
class ResolutionQueryController {
    private static final int MAX_QUERY = 200;
    private static final int MAX_LIMIT = 1000;

    /** A resolution's status on a date. */
    enum Status {
        IN_FORCE, AMENDED, REPEALED
    }

    private final ResolutionQueries queries;

    ResolutionQueryController(ResolutionQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Resolutions with their vote, status and amendment links; q searches numbers, titles and "
            + "texts folding case and diacritics, ranking matches of the diacritics typed first")
    List<Resolution> list(@RequestParam(required = false) String councilId,
                          @Parameter(description = "words to find, e.g. \"nghi quyet dat dai\"")
                          @RequestParam(required = false) String q,
                          @RequestParam(required = false) Status status,
                          @Parameter(description = "valid date, default today")
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate asOf,
                          @RequestParam(defaultValue = "100") int limit) {
        if (q != null && q.length() > MAX_QUERY) {
            throw invalid("q is at most " + MAX_QUERY + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit is 1 to " + MAX_LIMIT);
        }
        return queries.search(councilId, q, status == null ? null : status.name(), Dates.orToday(asOf), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One resolution with its text, vote (and ballots when given) and its history of amendments")
    Resolution get(@PathVariable String id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        return queries.find(id, date)
                .orElseThrow(() -> new NotFound("resolution " + id + " is not in the record on " + date));
    }

    private static ErrorResponseException invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:hdnd:problem:invalid-input"));
        problem.setTitle("Invalid input");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
