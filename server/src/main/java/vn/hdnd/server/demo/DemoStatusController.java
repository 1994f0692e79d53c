package vn.hdnd.server.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: how far the demo data load has got (demo profile only). */
@RestController
@Profile("demo")
@Tag(name = "Operations")
class DemoStatusController {
    private final DemoDataLoader loader;

    DemoStatusController(DemoDataLoader loader) {
        this.loader = loader;
    }

    @GetMapping("/api/v1/admin/demo")
    @Operation(summary = "Progress of the demo data load: state, councils loaded of total, seconds")
    DemoDataLoader.Status status() {
        return loader.status();
    }
}
