package vn.hdnd.query.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.session.SessionQueries.SessionView;
import vn.hdnd.query.support.NotFound;

import java.util.List;

/** Public reads of sessions: attendance, motions and their votes. */
@RestController
@ReadsFrom("sessions")
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions")
class SessionQueryController {
    private final SessionQueries queries;

    SessionQueryController(SessionQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Sessions (of a council) with attendance and motions, each with its vote breakdown and the "
            + "resolution it became")
    List<SessionView> list(@RequestParam(required = false) String councilId) {
        return queries.list(councilId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session; motions voted by ballot list the per-delegate ballots")
    SessionView get(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFound("session " + id + " is not in the record"));
    }
}
