package com.aimedia.gateway.benchmarks;

import java.time.Duration;

/**
 * What one load run achieved: successful requests, failed ones, over which time, and the
 * successes' latencies.
 */
record LoadResult(int concurrency, long succeeded, long failed, Duration elapsed, Latencies latencies) {

    double perSecond() {
        return succeeded / (elapsed.toNanos() / 1e9);
    }

    double p50Millis() {
        return Latencies.millis(latencies.percentile(50));
    }

    double p99Millis() {
        return Latencies.millis(latencies.percentile(99));
    }
}
