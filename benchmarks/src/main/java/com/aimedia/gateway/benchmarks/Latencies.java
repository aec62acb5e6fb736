package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as nearest-rank percentiles. */
record Latencies(long[] sortedNanos) {

    Latencies {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    static Latencies of(long... nanos) {
        return new Latencies(nanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile (0 < p <= 100); zero when there are no samples. */
    Duration percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (sortedNanos.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return Duration.ofNanos(sortedNanos[Math.max(0, rank - 1)]);
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
