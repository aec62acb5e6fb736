package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import java.net.http.HttpRequest;

import com.aimedia.gateway.benchmarks.Figure.Target;

/**
 * Measurements 1 (submit) and 2 (GET): the gateway's API against the bare endpoints, at
 * several concurrencies.
 */
final class LoadMeasurements {

    static final String SUBMIT_MODEL = "flux-pro";

    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private final LoadGenerator load;

    private final GatewayClient client;

    private final BenchmarkOptions options;

    private final Report report;

    private final OrchestratorPause orchestrator;

    LoadMeasurements(LoadGenerator load, GatewayClient client, BenchmarkOptions options, Report report,
            OrchestratorPause orchestrator) {
        this.load = load;
        this.client = client;
        this.options = options;
        this.report = report;
        this.orchestrator = orchestrator;
    }

    /**
     * Every bare level first, then every gateway level, so the gateway's background work
     * never slows the bare. Then, as a diagnostic without a target, the gateway again
     * with the pipeline behind the API paused: on this machine the orchestrator, the
     * workers and callback-service process the submitted tasks on the same cores and the
     * same MongoDB while the API takes them, which the baseline's records (consumed by
     * nobody) do not cost.
     */
    void submit() {
        LongFunction<HttpRequest> bare = n -> client.bareSubmit(SUBMIT_MODEL);
        LongFunction<HttpRequest> gateway = n -> client.submit(SUBMIT_MODEL, null);
        List<LoadResult> bareResults = compare("1 submit", bare, gateway, 0.6);
        orchestrator.pause();
        try {
            for (int i = 0; i < options.concurrencies().size(); i++) {
                LoadResult result = load.run(options.concurrencies().get(i), options.loadDuration(), gateway, 200);
                report.add(new Figure("1 submit, orchestrator paused (diagnostic)",
                        "requests/s at " + result.concurrency() + " clients", result.perSecond(),
                        bareResults.get(i).perSecond(), new Target.None(),
                        "no TaskSubmitted consumed during the load; errors gateway " + result.failed()));
            }
        }
        finally {
            orchestrator.resume();
        }
    }

    void get(List<String> taskIds) {
        LongFunction<HttpRequest> bare = n -> client.bareGet(taskIds.get((int) (n % taskIds.size())));
        LongFunction<HttpRequest> gateway = n -> client.get(taskIds.get((int) (n % taskIds.size())));
        compare("2 GET", bare, gateway, 0.7);
    }

    /**
     * @return the baseline's results, one per concurrency
     */
    private List<LoadResult> compare(String measurement, LongFunction<HttpRequest> bare,
            LongFunction<HttpRequest> gateway, double target) {
        load.run(8, WARM_UP, bare, 200);
        List<LoadResult> bareResults = new ArrayList<>();
        for (int concurrency : options.concurrencies()) {
            bareResults.add(load.run(concurrency, options.loadDuration(), bare, 200));
        }
        load.run(8, WARM_UP, gateway, 200);
        for (int i = 0; i < options.concurrencies().size(); i++) {
            LoadResult base = bareResults.get(i);
            LoadResult result = load.run(options.concurrencies().get(i), options.loadDuration(), gateway, 200);
            String at = " at " + result.concurrency() + " clients";
            String errors = "errors gateway " + result.failed() + ", bare " + base.failed();
            report.add(new Figure(measurement, "requests/s" + at, result.perSecond(), base.perSecond(),
                    new Target.RatioAtLeast(target), errors));
            report.add(new Figure(measurement, "p50 ms" + at, result.p50Millis(), base.p50Millis(), new Target.None(),
                    ""));
            report.add(new Figure(measurement, "p99 ms" + at, result.p99Millis(), base.p99Millis(), new Target.None(),
                    ""));
        }
        return bareResults;
    }

}
