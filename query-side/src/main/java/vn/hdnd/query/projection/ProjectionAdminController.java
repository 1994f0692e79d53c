package vn.hdnd.query.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.support.NotFound;

import java.util.List;

/**
 * ADMIN: each projection's position and lag, and rebuilds. A rebuild stops the processor, resets its tokens (its
 * reset handler empties its tables) and starts it again; progress shows as position against head on the GET.
 * With several query nodes, every node must run the rebuild (a processor can only reset when it holds all segments).
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionAdminController {
    private final ProjectionStatus status;
    private final ProjectionFailures failures;

    ProjectionAdminController(ProjectionStatus status, ProjectionFailures failures) {
        this.status = status;
        this.failures = failures;
    }

    @GetMapping
    @Operation(summary = "Each projection's position, lag and state")
    List<ProjectionStatus.Projection> projections() {
        return status.describe();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the whole log; progress shows on the GET")
    ResponseEntity<ProjectionStatus.Projection> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = status.processors().get(name);
        if (processor == null) {
            throw new NotFound("no projection named " + name);
        }
        processor.shutDown();
        processor.resetTokens();
        failures.forget(name);
        processor.start();
        return ResponseEntity.accepted().body(status.describe().stream()
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow());
    }
}
