package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.benchmarks.Benchmarks.Session;
import com.aimedia.gateway.benchmarks.Figure.Target;
import com.aimedia.gateway.local.QueryScans;
import com.aimedia.gateway.orchestrator.OrchestratorApplication;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Measurement 5: {@code --in-flight} (100,000) tasks accepted and not terminal at once,
 * on a gateway whose simulated providers keep every job running for an hour. The tasks'
 * TaskSubmitted events are copies of the one api-service wrote for a task submitted
 * through the API, produced straight to Kafka (the API takes a few hundred submits per
 * second on this machine). Measures the JVM's heap after a full GC and its RSS (every
 * service, Kafka, MongoDB and the simulators are in this one JVM: an upper bound of each
 * service's), the shallow heap by owner from a class histogram, the orchestrator's poll
 * lag gauge, and every query MongoDB answered by scanning a whole collection.
 */
final class Scale {

    private static final Logger log = LoggerFactory.getLogger("gateway");

    /** One polling provider and one that calls back. */
    static final List<String> MODELS = List.of("kling-v2", "luma-ray-2");

    /** The providers of {@link #MODELS}. */
    private static final List<String> PROVIDERS = List.of("kling", "luma");

    /** How long the tasks are held in flight after the orchestrator stored them all. */
    private static final Duration HOLD = Duration.ofSeconds(30);

    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(10);

    private static final String MEASUREMENT = "5 scale";

    private final Session session;

    private final Report report;

    private final int inFlight;

    /** The embedded MongoDB's file. */
    private final Path mongoFile;

    Scale(Session session, Report report, int inFlight, Path mongoFile) {
        this.session = session;
        this.report = report;
        this.inFlight = inFlight;
        this.mongoFile = mongoFile;
    }

    void run() {
        QueryScans scans = session.gateway()
            .queryScans()
            .orElseThrow(() -> new IllegalStateException("measurement 5 needs the embedded MongoDB on disk"));
        Map<String, TaskSubmitted> templates = templates();
        Memory idle = Memory.afterFullGc();
        double idleFileMiB = fileMiB();
        LagSampler lag = new LagSampler(session.gateway()
            .service(OrchestratorApplication.class)
            .getBean(MeterRegistry.class)
            .get(com.aimedia.gateway.orchestrator.OrchestratorMetrics.POLL_LAG)
            .timeGauge());
        scans.clear();
        long start = System.nanoTime();
        Thread sampler = Thread.ofPlatform().daemon().name("bench-poll-lag").start(lag);
        int each = inFlight / templates.size();
        int produced = 0;
        for (TaskSubmitted template : templates.values()) {
            int count = produced + each * 2 > inFlight ? inFlight - produced : each;
            session.kafka().produceCopies(topic(template), template, count);
            produced += count;
        }
        double producedAfter = seconds(start);
        boolean stored = awaitStored(templates);
        double storedAfter = seconds(start);
        long storedTasks = session.database().getCollection("tasks").estimatedDocumentCount() - templates.size();
        long requestsBefore = pollRequests();
        Kafka.sleep(HOLD);
        double requestsPerSecond = (pollRequests() - requestsBefore) / (double) HOLD.toSeconds();
        sampler.interrupt();
        join(sampler);
        List<QueryScans.Scan> scanned = scans.scans();
        Memory loaded = Memory.afterFullGc();
        double loadedFileMiB = fileMiB();
        Map<String, Long> collections = collectionSizes();
        String states = states();
        log.info("measurement 5: {} in flight, heap {} MiB, states {}", produced, loaded.heapUsedMiB(), states);

        String note = produced + " TaskSubmitted (" + String.join(", ", MODELS)
                + ") copied from API submits and produced straight to Kafka in " + round(producedAfter) + " s; "
                + (stored ? "all stored by the orchestrator after "
                        : "only " + storedTasks + " stored by the orchestrator within the timeout, after ")
                + round(storedAfter) + " s, then held " + HOLD.toSeconds() + " s; states at the end: " + states
                + "; one JVM holds all four services, Kafka, MongoDB and the simulators, so its heap is an upper"
                + " bound for each service; baseline: the same JVM idle, after start";
        report.add(new Figure(MEASUREMENT, "JVM heap used after full GC, MiB", loaded.heapUsedMiB(), idle.heapUsedMiB(),
                new Target.ValueAtMost(1024), note));
        report.add(new Figure(MEASUREMENT, "JVM heap committed, MiB", loaded.heapCommittedMiB(),
                idle.heapCommittedMiB(), new Target.None(), ""));
        report.add(
                new Figure(MEASUREMENT, "JVM RSS (VmRSS), MiB", loaded.rssMiB(), idle.rssMiB(), new Target.None(), ""));
        loaded.byOwner()
            .forEach((owner,
                    mib) -> report.add(new Figure(MEASUREMENT, "shallow heap of " + owner + ", MiB", mib,
                            idle.byOwner().getOrDefault(owner, 0.0), new Target.None(),
                            owner.equals(Memory.UNATTRIBUTED)
                                    ? "class histogram (live objects); arrays, strings and JDK/Spring classes"
                                            + " cannot be told apart by service"
                                    : "")));
        report.add(new Figure(MEASUREMENT, "poll scheduler lag (gateway_poll_lag_seconds), max s", lag.max(), 0,
                new Target.None(),
                "sampled every second from the produce to the end of the hold (" + lag.samples() + " samples)"));
        report.add(new Figure(MEASUREMENT, "poll scheduler lag at the end, s", lag.last(), 0, new Target.None(), ""));
        report.add(new Figure(MEASUREMENT, "polls and submission checks requested per s during the hold",
                requestsPerSecond, 0, new Target.None(),
                "records written to tasks.poll.<provider> while the stored tasks' acceptance checks fall due"));
        report.add(new Figure(MEASUREMENT, "ingest of the in-flight tasks, tasks stored per s",
                storedTasks / Math.max(storedAfter, 0.001), 0, new Target.None(), ""));
        report.add(new Figure(MEASUREMENT, "embedded MongoDB file, MiB", loadedFileMiB, idleFileMiB, new Target.None(),
                "at the end; baseline: the same file after start"));
        report.add(new Figure(MEASUREMENT, "query shapes that scanned a whole collection", scanned.size(), 0,
                new Target.ValueAtMost(0), "collection sizes at the end: " + collections));
        for (QueryScans.Scan scan : scanned) {
            report.add(new Figure(MEASUREMENT,
                    "scans: " + scan.collection() + " " + scan.command() + " " + scan.shape().replace("|", "\\|"),
                    scan.count(), 0, new Target.None(),
                    scan.collection() + " holds " + collections.getOrDefault(scan.collection(), 0L) + " documents"));
        }
    }

    private double fileMiB() {
        try {
            return Files.size(mongoFile) / (1024.0 * 1024.0);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + mongoFile, e);
        }
    }

    /** One task per model through the API: the TaskSubmitted api-service wrote for it. */
    private Map<String, TaskSubmitted> templates() {
        Map<String, TaskSubmitted> templates = new LinkedHashMap<>();
        for (String model : MODELS) {
            String taskId = session.client().submitForId(model, null);
            // the topic is the provider's; the model's provider is in the event itself,
            // so look in every submitted topic of the models measured
            templates.put(model, findSubmitted(taskId));
        }
        return templates;
    }

    private TaskSubmitted findSubmitted(String taskId) {
        for (String provider : PROVIDERS) {
            try {
                return session.kafka().readSubmitted("tasks.submitted." + provider, taskId, Duration.ofSeconds(10));
            }
            catch (IllegalStateException notThere) {
                // the next provider's topic
            }
        }
        throw new IllegalStateException("no TaskSubmitted found for " + taskId);
    }

    private static String topic(TaskSubmitted template) {
        return "tasks.submitted." + template.getProvider();
    }

    /** Whether the orchestrator committed every record of the measured topics in time. */
    private boolean awaitStored(Map<String, TaskSubmitted> templates) {
        try {
            IngestBenchmark.awaitUntil(INGEST_TIMEOUT,
                    () -> templates.values()
                        .stream()
                        .allMatch(template -> session.kafka().lag("orchestrator", topic(template)) == 0),
                    "orchestrator stored the in-flight tasks");
            return true;
        }
        catch (IllegalStateException timedOut) {
            return false;
        }
    }

    private Map<String, Long> collectionSizes() {
        MongoDatabase database = session.database();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String name : database.listCollectionNames()) {
            sizes.put(name, database.getCollection(name).estimatedDocumentCount());
        }
        return sizes;
    }

    /**
     * Tasks by status, and how many the provider accepted (the rest wait for a worker: in
     * Kafka, or for the worker's rate limit); the simulators' job counts. Read after the
     * scan counts were taken (this aggregation scans).
     */
    private String states() {
        List<String> parts = new ArrayList<>();
        for (Document group : session.database()
            .getCollection("tasks")
            .aggregate(
                    List.of(Aggregates.group(
                            new Document("status", "$status").append("accepted",
                                    new Document("$gt", List.of("$provider_task_id", ""))),
                            Accumulators.sum("n", 1))))) {
            Document key = group.get("_id", Document.class);
            parts.add(key.getString("status") + (Boolean.TRUE.equals(key.getBoolean("accepted"))
                    ? " (accepted by the provider)" : " (not yet accepted)") + " " + group.get("n"));
        }
        for (String provider : PROVIDERS) {
            session.gateway()
                .simulator(provider)
                .ifPresent(simulator -> parts.add(provider + " simulator jobs created " + simulator.jobsCreated()));
            parts.add("workers-" + provider + " consumer lag "
                    + session.kafka().lag("workers-" + provider, "tasks.submitted." + provider));
        }
        return parts.stream().sorted().collect(Collectors.joining(", "));
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Every poll and submission check the scheduler requested so far. */
    private long pollRequests() {
        return PROVIDERS.stream().mapToLong(provider -> session.kafka().records("tasks.poll." + provider)).sum();
    }

    /** Samples the poll lag gauge every second until interrupted. */
    static final class LagSampler implements Runnable {

        private final TimeGauge gauge;

        // read after the sampling thread was joined

        private double max;

        private double last;

        private int samples;

        LagSampler(TimeGauge gauge) {
            this.gauge = gauge;
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                double value = gauge.value(TimeUnit.SECONDS);
                last = value;
                max = Math.max(max, value);
                samples++;
                try {
                    Thread.sleep(1_000);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        double max() {
            return max;
        }

        double last() {
            return last;
        }

        int samples() {
            return samples;
        }

    }

}
