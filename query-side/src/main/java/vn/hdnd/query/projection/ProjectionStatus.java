package vn.hdnd.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where each projection stands in the event log. Positions are read from the shared token table, so the answer is
 * the same on every query node, whichever node holds a segment.
 */
@Component
public class ProjectionStatus {
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final ProjectionFailures failures;

    ProjectionStatus(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer,
                     ProjectionFailures failures) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.failures = failures;
    }

    public record Projection(String name, boolean running, boolean error, boolean replaying, int segments,
                             int segmentsClaimedHere, Long position, long head, Long lag) {
    }

    public Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (StreamingEventProcessor) e.getValue(),
                        (a, b) -> a, TreeMap::new));
    }

    /** The global position of the newest event in the log (0 when empty). */
    public long head() {
        // COALESCE: MAX over an empty log is NULL, which single() refuses.
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /**
     * True when every segment of the named projections (every projection when {@code names} is empty) has processed
     * the event at {@code position}.
     */
    public boolean reached(long position, Set<String> names) {
        return processors().entrySet().stream().filter(e -> names.isEmpty() || names.contains(e.getKey())).allMatch(e -> {
            Map<Integer, TrackingToken> tokens = tokens(e.getKey(), e.getValue());
            return !tokens.isEmpty() && tokens.values().stream().allMatch(t -> covers(t, position));
        });
    }

    public List<Projection> describe() {
        long head = head();
        return processors().entrySet().stream().map(e -> {
            StreamingEventProcessor p = e.getValue();
            Map<Integer, TrackingToken> tokens = tokens(e.getKey(), p);
            // The slowest segment decides how far the projection as a whole has got.
            Long position = tokens.isEmpty() || tokens.containsValue(null) ? null : tokens.values().stream()
                    .map(ProjectionStatus::position).mapToLong(o -> o.orElse(-1)).min().orElse(-1);
            Map<Integer, EventTrackerStatus> here = p.processingStatus();
            boolean error = p.isError() || failing(e.getKey(), tokens);
            return new Projection(e.getKey(), p.isRunning(), error,
                    here.values().stream().anyMatch(EventTrackerStatus::isReplaying), tokens.size(), here.size(),
                    position, head, position == null ? null : Math.max(0, head - position));
        }).toList();
    }

    /** True while some segment has not got past the projection's last failed batch (see {@link ProjectionFailures}). */
    private boolean failing(String processor, Map<Integer, TrackingToken> tokens) {
        OptionalLong failed = failures.of(processor);
        if (failed.isEmpty()) {
            return false;
        }
        if (!tokens.isEmpty() && tokens.values().stream().allMatch(t -> covers(t, failed.getAsLong()))) {
            failures.cleared(processor, failed.getAsLong());
            return false;
        }
        return true;
    }

    /**
     * Each segment's token. A segment this node processes answers from memory: the stored token of a segment that
     * only skipped events (none of them its own) is written a few seconds late, while the in-memory one is current.
     * Other nodes' segments answer from the token table.
     */
    private Map<Integer, TrackingToken> tokens(String processor, StreamingEventProcessor here) {
        Map<Integer, TrackingToken> tokens = storedTokens(processor);
        here.processingStatus().forEach((segment, status) -> {
            if (!status.isErrorState() && status.getTrackingToken() != null) {
                tokens.put(segment, status.getTrackingToken());
            }
        });
        return tokens;
    }

    /**
     * Each segment's token as committed in the token table (null for a segment without one), whichever node holds
     * it: what a projection's tables, written in the same transactions, are known to reflect.
     */
    public Map<Integer, TrackingToken> storedTokens(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = :name")
                .param("name", processor)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    tokens.put(rs.getInt("segment"), token == null || type == null ? null
                            : serializer.<byte[], TrackingToken>deserialize(
                                    new SimpleSerializedObject<>(token, byte[].class, type, null)));
                });
        return tokens;
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    private static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken inner = WrappedToken.unwrapLowerBound(token);
        if (inner instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return inner != null && inner.position().orElse(-1) >= position;
    }
}
