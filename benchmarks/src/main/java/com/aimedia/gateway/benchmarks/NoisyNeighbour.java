package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.aimedia.gateway.benchmarks.Benchmarks.Session;
import com.aimedia.gateway.benchmarks.EndToEnd.Trip;
import com.aimedia.gateway.benchmarks.Figure.Target;

/**
 * Measurement 7: the end-to-end time of Luma tasks on a quiet gateway, then of the same
 * tasks while another provider (BFL) gets a burst of submits, with the embedded default's
 * simulated provider timings.
 */
final class NoisyNeighbour {

    private static final String QUIET_MODEL = "luma-ray-2";

    private static final String BURST_MODEL = "flux-pro";

    private static final int TASKS = 4;

    private final Session session;

    private final BenchmarkOptions options;

    private final Report report;

    NoisyNeighbour(Session session, BenchmarkOptions options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    void run() {
        EndToEnd endToEnd = new EndToEnd(session.client(), session.receiver());
        endToEnd.run(QUIET_MODEL, 1, 1, Duration.ofMinutes(2));
        List<Trip> quiet = endToEnd.run(QUIET_MODEL, TASKS, 1, Duration.ofMinutes(2));
        List<Trip> during;
        LoadResult burst;
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LoadResult> bursting = background.submit(() -> session.load()
                .run(32, options.burst(), n -> session.client().submit(BURST_MODEL, null), 200));
            Kafka.sleep(Duration.ofSeconds(2));
            during = endToEnd.run(QUIET_MODEL, TASKS, 1, Duration.ofMinutes(3));
            burst = Futures.get(bursting);
        }
        Latencies quietTimes = EndToEnd.terminal(quiet, Duration.ZERO);
        Latencies burstTimes = EndToEnd.terminal(during, Duration.ZERO);
        String note = burst.succeeded() + " " + BURST_MODEL + " submits in " + options.burst().toSeconds() + " s ("
                + Math.round(burst.perSecond()) + "/s); in_progress seen on GET: quiet " + seen(quiet) + "/" + TASKS
                + ", during burst " + seen(during) + "/" + TASKS;
        report.add(new Figure("7 noisy neighbour", QUIET_MODEL + " submit -> completed, median s",
                seconds(burstTimes, 50), seconds(quietTimes, 50), new Target.RatioAtMost(1.5), note));
        report.add(new Figure("7 noisy neighbour", QUIET_MODEL + " submit -> completed, slowest s",
                seconds(burstTimes, 100), seconds(quietTimes, 100), new Target.RatioAtMost(1.5), ""));
    }

    private static long seen(List<Trip> trips) {
        return trips.stream().filter(Trip::sawInProgress).count();
    }

    private static double seconds(Latencies latencies, double percentile) {
        return Latencies.millis(latencies.percentile(percentile)) / 1000.0;
    }

}
