package vn.hdnd.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scenario measured: operations, throughput, latency percentiles, the answers by status, and the processor
 * time per operation when it was measured ({@code cpu}, else null).
 */
record Stats(String scenario, long operations, double seconds, double throughput, double p50Millis, double p95Millis,
             double p99Millis, long errors, Map<String, Long> outcomes, CpuMeter.Usage cpu) {

    static Stats of(String scenario, long[] latenciesNanos, double seconds, long errors, Map<String, Long> outcomes) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Stats(scenario, sorted.length, seconds, sorted.length / seconds, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), errors, new TreeMap<>(outcomes), null);
    }

    Stats withCpu(CpuMeter.Usage usage) {
        return new Stats(scenario, operations, seconds, throughput, p50Millis, p95Millis, p99Millis, errors, outcomes,
                usage);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
