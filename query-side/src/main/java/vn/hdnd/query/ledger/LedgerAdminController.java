package vn.hdnd.query.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: whether the ledger has logged every event it has read past (see {@link LedgerCompleteness}). */
@RestController
@Tag(name = "Operations")
class LedgerAdminController {
    private final LedgerCompleteness completeness;

    LedgerAdminController(LedgerCompleteness completeness) {
        this.completeness = completeness;
    }

    @GetMapping("/api/v1/admin/ledger/completeness")
    @Operation(summary = "Events the ledger read past without logging them (0 is the only healthy answer); a rebuild "
            + "of the ledger projection logs them")
    LedgerCompleteness.Report completeness() {
        return completeness.check();
    }
}
