package vn.hdnd.query.ledger;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.query.projection.ProjectionStatus;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Events the ledger has passed without logging. The ledger's committed token says up to which global index it has
 * read, and which indexes below it it still waits for (gaps: their transactions had not committed). An event at or
 * below that index, not a gap, and without a leaf will never be delivered: its transaction committed after the reader
 * gave up on the gap (see {@code AxonConfiguration.ledgerEventSource}). Such events are counted here, logged as an
 * error every {@code council.ledger.completeness-check-interval} while the count grows, and listed on
 * {@code GET /api/v1/admin/ledger/completeness}. A rebuild of the {@code ledger} projection logs them as new leaves
 * (it never renumbers a leaf, it only appends what has none).
 *
 * <p>The check is incremental: indexes up to the smallest gap are settled once checked; the events found missing are
 * checked again each time, until they have a leaf.
 */
@Component
public class LedgerCompleteness extends PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(LedgerCompleteness.class);
    static final int LISTED = 100;

    /** An event the ledger passed without logging it. */
    public record Missing(long position, String eventId, String aggregateId, String type) {
    }

    /**
     * @param ledgerPosition the global index the ledger has read up to (null before it has read anything)
     * @param gaps           indexes below it whose events the ledger still waits for
     * @param missing        how many events it passed without a leaf
     * @param events         the first of them, by position
     */
    public record Report(Long ledgerPosition, int gaps, int missing, List<Missing> events) {
    }

    private final JdbcClient jdbc;
    private final ProjectionStatus status;
    private final Duration interval;
    private final TreeMap<Long, Missing> missing = new TreeMap<>();
    private long settledThrough = Long.MIN_VALUE;
    private int reported;

    LedgerCompleteness(JdbcClient jdbc, ProjectionStatus status,
                       @Value("${council.ledger.completeness-check-interval:1m}") Duration interval) {
        super("ledger-completeness");
        this.jdbc = jdbc;
        this.status = status;
        this.interval = interval;
    }

    public synchronized Report check() {
        TrackingToken stored = status.storedTokens(LedgerProjection.NAME).get(0);
        TrackingToken token = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
        missing.keySet().removeAll(logged(missing.keySet()));
        if (!(token instanceof GapAwareTrackingToken read)) {
            return new Report(null, 0, missing.size(), listed());
        }
        SortedSet<Long> gaps = new TreeSet<>(read.getGaps());
        long through = gaps.isEmpty() ? read.getIndex() : Math.min(read.getIndex(), gaps.first() - 1);
        if (through < settledThrough) {
            // A rebuild started over; what was settled stays settled (leaves are never removed).
            through = settledThrough;
        }
        jdbc.sql("""
                        SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.payload_type
                          FROM domain_event_entry e
                         WHERE e.global_index > :after AND e.global_index <= :upTo
                           AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index)
                         ORDER BY e.global_index""")
                .param("after", settledThrough)
                .param("upTo", read.getIndex())
                .query((rs, n) -> new Missing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .filter(event -> !gaps.contains(event.position()))
                .forEach(event -> missing.put(event.position(), event));
        settledThrough = through;
        return new Report(read.getIndex(), gaps.size(), missing.size(), listed());
    }

    private List<Missing> listed() {
        return missing.values().stream().limit(LISTED).toList();
    }

    private Set<Long> logged(Set<Long> positions) {
        if (positions.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT global_index FROM ledger_leaf WHERE global_index IN (:positions)")
                .param("positions", positions).query(Long.class).list());
    }

    @Override
    long intervalMillis() {
        return Math.max(1000, interval.toMillis());
    }

    @Override
    void tick() {
        try {
            Report report = check();
            if (report.missing() > reported) {
                Missing first = report.events().get(0);
                log.error("The ledger passed {} event(s) without logging them (first: position {}, event {} of {}); "
                                + "their transactions committed after the ledger stopped waiting for them. Rebuild "
                                + "the ledger projection (POST /api/v1/admin/projections/ledger/rebuild) to log them.",
                        report.missing(), first.position(), first.eventId(), first.aggregateId());
            }
            reported = report.missing();
        } catch (RuntimeException e) {
            log.warn("Could not check the ledger's completeness: {}", e.toString());
        }
    }
}
