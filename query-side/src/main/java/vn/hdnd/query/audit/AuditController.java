package vn.hdnd.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.ledger.ApiProblems;
import vn.hdnd.query.ledger.LedgerEvents;
import vn.hdnd.query.ledger.LoggedEvent;
import vn.hdnd.query.support.Dates;
import vn.hdnd.query.support.NotFound;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit trail, public: the whole log in ledger order (a JSON page, or an NDJSON stream that the offline verifier
 * reads), one aggregate's history, and an aggregate's state as of a recorded instant and a valid date. Event metadata
 * (who, why, which command) is shown to AUDITOR and ADMIN only.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {
    static final String NDJSON = "application/x-ndjson";
    private static final MediaType NDJSON_TYPE = MediaType.parseMediaType(NDJSON);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** The NDJSON stream reads the log in ranges of this many leaves, so memory stays flat on any log size. */
    private static final int STREAM_PAGE = 1000;

    private final LedgerEvents events;
    private final AuditStates states;
    private final ObjectMapper json;

    AuditController(LedgerEvents events, AuditStates states, ObjectMapper json) {
        this.events = events;
        this.states = states;
        this.json = json;
    }

    /** A page of the log; {@code next} is the link to the following page, absent at the end of the log. */
    record EventPage(List<LoggedEvent> items, String next) {
    }

    @GetMapping("/events")
    @Operation(summary = "The whole log in ledger order: a page {items, next} as JSON, or every event as NDJSON "
            + "with `Accept: application/x-ndjson` (the export the offline verifier reads)")
    EventPage events(@Parameter(description = "only events with a leaf index above this one")
                     @RequestParam(required = false) Long after,
                     @Parameter(description = "page size, 1 to 1000 (default 100); for NDJSON, optional")
                     @RequestParam(required = false) Integer limit,
                     @RequestHeader(value = "Accept", required = false) String accept,
                     HttpServletResponse response) throws IOException {
        if (after != null && after < 0) {
            throw ApiProblems.invalid("after", "must be a leaf index (0 or more)");
        }
        boolean metadata = Auditors.mayReadMetadata();
        if (wantsNdjson(accept)) {
            if (limit != null && limit < 1) {
                throw ApiProblems.invalid("limit", "must be at least 1");
            }
            stream(after == null ? 0 : after + 1, limit == null ? Long.MAX_VALUE : limit, metadata, response);
            return null;
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblems.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<LoggedEvent> items = events.after(after == null ? -1 : after, size, metadata);
        long last = items.isEmpty() ? -1 : items.get(items.size() - 1).leafIndex();
        String next = items.size() == size && last < events.size() - 1
                ? "/api/v1/audit/events?after=" + last + "&limit=" + size : null;
        return new EventPage(items, next);
    }

    /** Streams the leaves {@code [from, size)} as of the start of the request, one JSON object per line. */
    private void stream(long from, long limit, boolean metadata, HttpServletResponse response) throws IOException {
        long size = events.size();
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        long remaining = limit;
        for (long start = from; start < size && remaining > 0; start += STREAM_PAGE) {
            for (LoggedEvent event : events.range(start, Math.min(size, start + STREAM_PAGE), metadata)) {
                if (remaining-- <= 0) {
                    break;
                }
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            }
            out.flush();
        }
    }

    private static boolean wantsNdjson(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(NDJSON_TYPE));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @GetMapping("/aggregates/{id}/events")
    @Operation(summary = "One aggregate's history, oldest first, with each event's leaf once the ledger logged it")
    List<LoggedEvent> aggregateEvents(@PathVariable String id) {
        List<LoggedEvent> history = events.ofAggregate(id, Auditors.mayReadMetadata());
        if (history.isEmpty()) {
            throw new NotFound("the record has no events of " + id);
        }
        return history;
    }

    @GetMapping("/aggregates/{id}/state")
    @Operation(summary = "The aggregate's state rebuilt from the events recorded up to asOf, as valid on validAt")
    AuditStates.AuditState state(@PathVariable String id,
                                 @Parameter(description = "recorded time, an ISO-8601 instant; default now")
                                 @RequestParam(required = false) Instant asOf,
                                 @Parameter(description = "valid date; default asOf's day in Vietnam")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate validAt) {
        Instant recorded = asOf != null ? asOf : Instant.now();
        LocalDate valid = validAt != null ? validAt : LocalDate.ofInstant(recorded, Dates.VIETNAM);
        return states.state(id, recorded, valid, Auditors.mayReadMetadata())
                .orElseThrow(() -> new NotFound("the record has no events of " + id + " recorded by " + recorded));
    }
}
