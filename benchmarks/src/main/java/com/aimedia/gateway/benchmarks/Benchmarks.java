package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import com.aimedia.gateway.benchmarks.EndToEnd.Trip;
import com.aimedia.gateway.benchmarks.Figure.Target;
import com.aimedia.gateway.benchmarks.bare.BareApplication;
import com.aimedia.gateway.local.LocalGateway;
import com.aimedia.gateway.local.LocalGatewayOptions;
import com.aimedia.gateway.local.RunningGateway;
import com.aimedia.gateway.orchestrator.OrchestratorApplication;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Runs the benchmarks: starts the embedded default (on-disk Kafka and MongoDB, as the
 * README's run command) and a bare baseline service in this JVM, measures, prints a
 * Markdown table and writes a JSON result. Two gateways run one after the other: one
 * whose simulated providers finish at once (measurements 3, 2, 4, 6, 1), one with the
 * embedded default's provider timings (measurement 7), and one whose jobs run for an hour
 * (measurement 5).
 */
public final class Benchmarks {

    private static final Logger log = LoggerFactory.getLogger("gateway");

    private static final Duration INSTANT_POLL_INTERVAL = Duration.ofSeconds(1);

    /**
     * Tasks each of the four clients of measurement 4 runs one after the other: 200 in
     * all, so that p99 is the second slowest task, not (as with the 32 of earlier rounds)
     * the slowest one.
     */
    private static final int OVERHEAD_TASKS_PER_CLIENT = 50;

    /**
     * How long measurement 4's simulated provider jobs run: long enough that a provider's
     * callback comes after its acceptance, as with every real job (a job that ends within
     * the create call is answered completed by Luma's simulator and exercises no
     * callback). Subtracted from the callbacks' figures, as the poll interval is from the
     * polling ones.
     */
    private static final Duration OVERHEAD_JOB_TIME = Duration.ofMillis(300);

    /**
     * Measurement 4's workers pace provider calls far above its rate: it measures the
     * gateway, not the default pacing of a provider account (20 calls a second per
     * provider, which four clients in a closed loop exceed, so that most submits waited
     * for a token).
     */
    private static final Map<String, String> UNPACED_WORKERS = Map
        .of("gateway.workers.limits.default.requests-per-second", "1000");

    private Benchmarks() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Report report = new Report(Machine.describe(), Instant.now());
        Path data = Files.createTempDirectory("gateway-benchmarks");
        // an absolute file path always has a parent (at least the root)
        Path outputDirectory = Objects.requireNonNull(options.output().toAbsolutePath().getParent());
        Profiler profiler = new Profiler(options.jfr(), outputDirectory.resolve("jfr"));
        if (options.runs(4)) {
            LocalGatewayOptions jobs = new LocalGatewayOptions(0, 0, null, data.resolve("overhead"),
                    INSTANT_POLL_INTERVAL, Duration.ZERO, OVERHEAD_JOB_TIME, null, null, null, UNPACED_WORKERS);
            try (Session session = Session.start(jobs)) {
                profiler.record("4-overhead", () -> {
                    overhead(session, report);
                    return null;
                });
            }
        }
        if (options.runs(3) || options.runs(2) || options.runs(6) || options.runs(1)) {
            LocalGatewayOptions instant = new LocalGatewayOptions(0, 0, null, data.resolve("instant"),
                    INSTANT_POLL_INTERVAL, Duration.ZERO, Duration.ZERO, null, null, null, Map.of());
            try (Session session = Session.start(instant)) {
                instantProviders(session, options, report, profiler);
            }
        }
        if (options.runs(7)) {
            LocalGatewayOptions defaults = LocalGatewayOptions
                .fromEnvironment(Map.of("GATEWAY_PORT", "0", "GATEWAY_DATA_DIR", data.resolve("default").toString()));
            try (Session session = Session.start(defaults)) {
                profiler.record("7-noisy-neighbour", () -> {
                    new NoisyNeighbour(session, options, report).run();
                    return null;
                });
            }
        }
        if (options.runs(5)) {
            scale(options, report, profiler, data.resolve("scale"));
        }
        if (options.runs(8)) {
            crashRecovery(options, report, data.resolve("crash"));
        }
        deleteRecursively(data);
        report.write(options.output());
        Path table = options.output().resolveSibling("result.md");
        Files.writeString(table, report.table());
        log.info("benchmark results (JSON in {}, table in {}):\n\n{}", options.output(), table, report.table());
        System.exit(0);
    }

    private static void instantProviders(Session session, BenchmarkOptions options, Report report, Profiler profiler) {
        if (options.runs(3)) {
            profiler.record("3-ingest", () -> {
                ingest(session, options, report);
                return null;
            });
        }
        LoadMeasurements load = new LoadMeasurements(session.load(), session.client(), options, report,
                new OrchestratorPause(session.gateway()
                    .service(OrchestratorApplication.class)
                    .getBean(KafkaListenerEndpointRegistry.class)));
        if (options.runs(2)) {
            List<String> ids = storedTasks(session, 200);
            profiler.record("2-get", () -> {
                load.get(ids);
                return null;
            });
        }
        if (options.runs(6)) {
            profiler.record("6-fan-out", () -> {
                fanOut(session, options, report);
                return null;
            });
        }
        if (options.runs(1)) {
            profiler.record("1-submit", () -> {
                load.submit();
                return null;
            });
        }
    }

    private static void ingest(Session session, BenchmarkOptions options, Report report) {
        KafkaListenerEndpointRegistry listeners = session.gateway()
            .service(OrchestratorApplication.class)
            .getBean(KafkaListenerEndpointRegistry.class);
        IngestBenchmark.Rates rates = new IngestBenchmark(session.kafka(), session.database(), listeners)
            .run(options.ingestEvents(), Duration.ofMinutes(3), Duration.ofSeconds(20));
        report.add(new Figure("3 orchestrator ingest", "TaskSubmitted -> task documents per s",
                rates.orchestratorPerSecond(), rates.barePerSecond(), new Target.RatioAtLeast(0.5),
                options.ingestEvents() + " events waiting; orchestrator stored " + rates.orchestratorDocuments()
                        + " and committed all; bare inserted " + rates.bareDocuments() + " in at most 20 s"));
    }

    private static void fanOut(Session session, BenchmarkOptions options, Report report) {
        int webhooks = options.webhooks();
        int hanging = Math.max(FanOut.PER_HOST * 4, webhooks / 20);
        FanOut fanOut = new FanOut(session.kafka(), session.gateway().devTenantId());
        double bare = FanOut.bare(session.load().client(), webhooks);
        double healthy = fanOut.gateway(webhooks, 0, Duration.ofMinutes(3));
        double withHung = fanOut.gateway(webhooks, hanging, Duration.ofMinutes(3));
        report.add(new Figure("6 webhook fan-out", "deliveries per s to one receiver", healthy, bare, new Target.None(),
                webhooks + " terminal TaskStatusChanged waiting in Kafka, each recorded, claimed,"
                        + " signed, sent and recorded; baseline: the same POSTs from a JDK HttpClient, "
                        + FanOut.PER_HOST + " at a time (callback-service's per-host limit)"));
        report.add(new Figure("6 webhook fan-out", "deliveries per s to it while another receiver hangs", withHung,
                healthy, new Target.None(), hanging + " more webhooks, queued first, to a receiver on 127.0.0.2 that"
                        + " never answers; baseline: the row above"));
    }

    /**
     * Measurement 5 on a gateway of its own whose simulated providers keep every job
     * running for an hour, so that nothing in flight ends during the measurement.
     */
    private static void scale(BenchmarkOptions options, Report report, Profiler profiler, Path data)
            throws IOException {
        LocalGatewayOptions slow = new LocalGatewayOptions(0, 0, null, data, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofHours(1), null, null, null, Map.of());
        try (Session session = Session.start(slow)) {
            profiler.record("5-scale", () -> {
                new Scale(session, report, options.inFlight(), data.resolve("mongo").resolve("mongo.mv")).run();
                return null;
            });
        }
    }

    private static void crashRecovery(BenchmarkOptions options, Report report, Path data) throws IOException {
        int tasks = options.crashTasks();
        // an absolute file path always has a parent (at least the root)
        Path logs = Objects.requireNonNull(options.output().toAbsolutePath().getParent());
        try (LoadGenerator load = new LoadGenerator()) {
            CrashRecovery.Result result = new CrashRecovery(load, data, logs).run(tasks, Duration.ofMinutes(5));
            String note = "the embedded default as its own process (logs: "
                    + options.output().resolveSibling("8-gateway-*.log") + "); kill -9 right after " + result.accepted()
                    + " accepted submits (kling-v2, the embedded" + " default's provider timings)";
            report.add(new Figure("8 crash recovery", "relaunch after kill -9 to API answering, s", result.restart(),
                    result.coldStart(), new Target.None(), note + "; baseline: cold start on an empty data directory"));
            report.add(new Figure("8 crash recovery", "relaunch after kill -9 to every accepted task terminal, s",
                    result.recovered(), result.drain(), new Target.None(),
                    result.terminal() + "/" + result.accepted()
                            + " terminal; baseline: the same number of tasks from their submits to their end on the"
                            + " running gateway before"));
        }
    }

    /** Submits tasks through the API and waits until the orchestrator stored them all. */
    private static List<String> storedTasks(Session session, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(session.client().submitForId("kling-v2", null));
        }
        IngestBenchmark.awaitUntil(Duration.ofMinutes(2),
                () -> session.database().getCollection("tasks").countDocuments(Filters.in("_id", ids)) == count,
                "submitted tasks stored");
        return ids;
    }

    private static void overhead(Session session, Report report) {
        EndToEnd endToEnd = new EndToEnd(session.client(), session.receiver());
        endToEnd.run("kling-v2", 2, 3, Duration.ofSeconds(60));
        endToEnd.run("luma-ray-2", 2, 3, Duration.ofSeconds(60));
        Latencies bareSubmit = session.load()
            .run(1, Duration.ofSeconds(2), n -> session.client().bareSubmit("flux-pro"), 200)
            .latencies();
        double baseline = Latencies.millis(bareSubmit.percentile(50));
        record Variant(String name, String model, Duration excluded, String excludedAs, Target p99) {
        }
        for (Variant variant : List.of(
                new Variant("polling (kling-v2)", "kling-v2", INSTANT_POLL_INTERVAL, "poll interval",
                        new Target.None()),
                new Variant("provider callbacks (luma-ray-2)", "luma-ray-2", OVERHEAD_JOB_TIME, "simulated job time",
                        new Target.ValueAtMost(250)))) {
            List<Trip> trips = endToEnd.run(variant.model(), 4, OVERHEAD_TASKS_PER_CLIENT, Duration.ofSeconds(60));
            Latencies get = EndToEnd.terminal(trips, variant.excluded());
            Latencies hook = EndToEnd.webhook(trips, variant.excluded());
            String note = trips.size() + " tasks, " + hook.count() + " webhooks; baseline: bare submit p50; "
                    + variant.excludedAs() + " " + variant.excluded().toMillis() + " ms subtracted";
            String measurement = "4 overhead, " + variant.name();
            report.add(new Figure(measurement, "submit -> completed on GET, p50 ms", ms(get, 50), baseline,
                    new Target.None(), note));
            report.add(new Figure(measurement, "submit -> completed on GET, p99 ms", ms(get, 99), baseline,
                    variant.p99(), ""));
            report.add(new Figure(measurement, "submit -> webhook, p50 ms", ms(hook, 50), baseline, new Target.None(),
                    ""));
            report.add(new Figure(measurement, "submit -> webhook, p99 ms", ms(hook, 99), baseline, variant.p99(), ""));
        }
    }

    /**
     * The gateways' Kafka logs and MongoDB files of this run: hundreds of megabytes
     * nobody needs afterwards.
     */
    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static double ms(Latencies latencies, double percentile) {
        return Latencies.millis(latencies.percentile(percentile));
    }

    /** A started gateway with everything the measurements use, stopped together. */
    record Session(RunningGateway gateway, ConfigurableApplicationContext bare, Kafka kafka, MongoDatabase database,
            LoadGenerator load, GatewayClient client, WebhookReceiver receiver) implements AutoCloseable {

        static Session start(LocalGatewayOptions options) throws IOException {
            log.info("starting the embedded default for the benchmarks");
            RunningGateway gateway = LocalGateway.start(options);
            ConfigurableApplicationContext orchestrator = gateway.service(OrchestratorApplication.class);
            String bootstrap = orchestrator.getEnvironment().getRequiredProperty("gateway.kafka.bootstrap-servers");
            String mongoUri = orchestrator.getEnvironment().getRequiredProperty("gateway.mongo.uri");
            String databaseName = orchestrator.getEnvironment().getProperty("gateway.mongo.database", "gateway");
            ConfigurableApplicationContext bare = BareApplication.start(bootstrap, mongoUri, databaseName);
            LoadGenerator load = new LoadGenerator();
            GatewayClient client = new GatewayClient(load.client(), gateway.apiBaseUrl(), gateway.devApiKey(),
                    BareApplication.baseUrl(bare));
            return new Session(gateway, bare, new Kafka(bootstrap), orchestrator.getBean(MongoDatabase.class), load,
                    client, new WebhookReceiver());
        }

        @Override
        public void close() {
            receiver.close();
            load.close();
            kafka.close();
            bare.close();
            gateway.close();
        }
    }

    /** The machine the run measured, for the record. */
    static final class Machine {

        private Machine() {
        }

        static Map<String, String> describe() {
            Map<String, String> machine = new LinkedHashMap<>();
            machine.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
            machine.put("cpuModel", firstLine(Path.of("/proc/cpuinfo"), "model name"));
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                machine.put("memoryGiB", String.valueOf(os.getTotalMemorySize() >> 30));
            }
            machine.put("loadAverageAtStart", firstLine(Path.of("/proc/loadavg"), ""));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            machine.put("maxHeapMiB", String.valueOf(Runtime.getRuntime().maxMemory() >> 20));
            return machine;
        }

        private static String firstLine(Path file, String prefix) {
            try (var lines = Files.lines(file)) {
                return lines.filter(line -> line.startsWith(prefix))
                    .findFirst()
                    .map(line -> prefix.isEmpty() ? line : line.substring(line.indexOf(':') + 1).trim())
                    .orElse("unknown");
            }
            catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

    }

}
