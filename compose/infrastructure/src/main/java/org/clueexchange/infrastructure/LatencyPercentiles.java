package org.clueexchange.infrastructure;

import java.time.Duration;
import java.util.Arrays;

/** The percentiles a latency is judged by, over all its samples (nearest rank: each is a measured sample). */
public record LatencyPercentiles(int samples, Duration p50, Duration p95, Duration p99, Duration max) {

    /** Of the samples, each in nanoseconds; none gives zeros, so that a table can still show the count. */
    public static LatencyPercentiles ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyPercentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                rank(sorted, 100));
    }

    private static Duration rank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }
}
