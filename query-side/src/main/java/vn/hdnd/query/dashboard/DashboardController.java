package vn.hdnd.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.query.council.CouncilQueries;
import vn.hdnd.query.council.CouncilQueries.CouncilSummary;
import vn.hdnd.query.oversight.OversightQueries;
import vn.hdnd.query.oversight.OversightQueries.RecommendationCounts;
import vn.hdnd.query.projection.ReadsFrom;
import vn.hdnd.query.resolution.ResolutionQueries;
import vn.hdnd.query.support.Dates;
import vn.hdnd.query.support.NotFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The public dashboard's figures for a council and everything below it. */
@RestController
@ReadsFrom({"councils", "resolutions", "sessions", "oversight"})
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class DashboardController {
    private final CouncilQueries councils;
    private final OversightQueries oversight;
    private final ResolutionQueries resolutions;

    DashboardController(CouncilQueries councils, OversightQueries oversight, ResolutionQueries resolutions) {
        this.councils = councils;
        this.oversight = oversight;
        this.resolutions = resolutions;
    }

    record Completeness(int complete, int total) {
    }

    record TierDelegates(int delegates, int fullTimeDelegates) {
    }

    record OfficeFigures(int holders, int fullTime) {
    }

    record Summary(String councilId, LocalDate asOf, Map<String, Integer> councils, int seats, int delegates,
                   int fullTimeDelegates, Map<String, Completeness> leadershipComplete,
                   Map<String, Map<String, OfficeFigures>> offices, Map<String, TierDelegates> delegatesByTier,
                   int resolutionsAdopted, RecommendationCounts recommendations) {
    }

    @GetMapping("/summary")
    @Operation(summary = "Councils, seats, delegates, full-time delegates, leadership and offices by tier, rolled up "
            + "over the council and every council below it, as active on asOf")
    Summary summary(@RequestParam String councilId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = Dates.orToday(asOf);
        List<CouncilSummary> tree = councils.tree(councilId, date).stream()
                .filter(CouncilSummary::active)
                .toList();
        if (tree.stream().noneMatch(c -> c.id().equals(councilId))) {
            throw new NotFound("council " + councilId + " is not active in the record on " + date);
        }
        Map<String, Integer> byTier = new TreeMap<>();
        Map<String, Completeness> leadership = new TreeMap<>();
        Map<String, TierDelegates> delegatesByTier = new TreeMap<>();
        int seats = 0;
        int delegates = 0;
        int fullTime = 0;
        for (CouncilSummary c : tree) {
            byTier.merge(c.tier(), 1, Integer::sum);
            leadership.merge(c.tier(), new Completeness(c.leadershipComplete() ? 1 : 0, 1),
                    (a, b) -> new Completeness(a.complete() + b.complete(), a.total() + b.total()));
            delegatesByTier.merge(c.tier(), new TierDelegates(c.delegates(), c.fullTimeDelegates()),
                    (a, b) -> new TierDelegates(a.delegates() + b.delegates(),
                            a.fullTimeDelegates() + b.fullTimeDelegates()));
            seats += c.seats();
            delegates += c.delegates();
            fullTime += c.fullTimeDelegates();
        }
        Map<String, Map<String, OfficeFigures>> offices = new TreeMap<>();
        councils.officeCounts(councilId, date).forEach(o -> offices
                .computeIfAbsent(o.tier(), t -> new TreeMap<>())
                .put(o.office(), new OfficeFigures(o.holders(), o.fullTime())));
        return new Summary(councilId, date, byTier, seats, delegates, fullTime, leadership, offices, delegatesByTier,
                resolutions.adoptedInTree(councilId, date), oversight.counts(councilId, date));
    }
}
