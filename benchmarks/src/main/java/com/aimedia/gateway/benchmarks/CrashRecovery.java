package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.aimedia.gateway.local.FreePorts;
import com.aimedia.gateway.local.LocalGateway;

/**
 * Measurement 8: the whole embedded default (broker, MongoDB, simulators, the four
 * services) as a process of its own, as the README runs it, gets {@code kill -9} right
 * after a burst of submits, and starts again on the same data directory. Measured:
 * seconds from the restart until the API answers again, against the same process's cold
 * start on an empty directory; and seconds from the restart until every accepted task is
 * terminal, against the time the same number of tasks took to end on the running gateway
 * before (their submits to the last one's end).
 */
final class CrashRecovery {

    private static final String READY = "Media task gateway is ready";

    private static final String API_KEY = "sk_dev_benchmark_crash_0123456789";

    private static final String MODEL = "kling-v2";

    private final LoadGenerator load;

    private final Path data;

    private final Path logs;

    CrashRecovery(LoadGenerator load, Path data, Path logs) {
        this.load = load;
        this.data = data;
        this.logs = logs;
    }

    /**
     * @param coldStart seconds from launch to ready on an empty data directory
     * @param drain seconds from the first submit of {@code tasks} tasks to the last one's
     * end, without a crash
     * @param restart seconds from the relaunch after {@code kill -9} to ready
     * @param recovered seconds from the relaunch to every task accepted before the kill
     * being terminal
     */
    record Result(double coldStart, double drain, double restart, double recovered, int accepted, int terminal) {
    }

    Result run(int tasks, Duration timeout) throws IOException {
        Files.createDirectories(logs);
        int port = FreePorts.find();
        Map<String, String> environment = Map.of("GATEWAY_PORT", String.valueOf(port), "GATEWAY_FILES_PORT",
                String.valueOf(FreePorts.find()), "GATEWAY_DEV_API_KEY", API_KEY, "GATEWAY_DATA_DIR", data.toString());
        GatewayClient client = new GatewayClient(load.client(), "http://127.0.0.1:" + port, API_KEY, "");
        Process first = launch(environment, logs.resolve("8-gateway-1.log"));
        try {
            double coldStart = awaitReady(first, logs.resolve("8-gateway-1.log"), timeout);
            long drainStart = System.nanoTime();
            List<String> warm = submit(client, tasks);
            awaitTerminal(client, warm, timeout);
            double drain = seconds(drainStart);

            List<String> accepted = submit(client, tasks);
            first.destroyForcibly().waitFor();
            long relaunched = System.nanoTime();
            Process second = launch(environment, logs.resolve("8-gateway-2.log"));
            try {
                awaitReady(second, logs.resolve("8-gateway-2.log"), timeout);
                double restart = seconds(relaunched);
                int terminal = awaitTerminal(client, accepted, timeout);
                return new Result(coldStart, drain, restart, seconds(relaunched), accepted.size(), terminal);
            }
            finally {
                second.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        finally {
            first.destroyForcibly();
        }
    }

    /**
     * The embedded default in a JVM of its own, on this JVM's class path (which holds
     * local-launcher's).
     */
    private static Process launch(Map<String, String> environment, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                LocalGateway.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // a harness stopped early (Ctrl-C, an error) must not leave a gateway on its
        // ports; only a kill -9 of the harness itself still can
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-stop-gateway"));
        return process;
    }

    private static double awaitReady(Process process, Path log, Duration timeout) {
        long start = System.nanoTime();
        IngestBenchmark.awaitUntil(timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway process ended; see " + log);
            }
            return contains(log, READY);
        }, "gateway ready");
        return seconds(start);
    }

    private static boolean contains(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits on 8 clients; returns the ids of the accepted tasks. */
    private static List<String> submit(GatewayClient client, int tasks) {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                running.add(clients.submit(() -> {
                    while (next.getAndIncrement() < tasks) {
                        ids.add(client.submitForId(MODEL, null));
                    }
                    return null;
                }));
            }
            running.forEach(Futures::get);
        }
        return List.copyOf(ids);
    }

    /**
     * Waits until every task is terminal on GET (a failed GET, e.g. while the API starts,
     * is tried again).
     */
    private static int awaitTerminal(GatewayClient client, List<String> ids, Duration timeout) {
        Set<String> open = ConcurrentHashMap.newKeySet();
        open.addAll(ids);
        IngestBenchmark.awaitUntil(timeout, () -> {
            for (String id : List.copyOf(open)) {
                try {
                    String status = client.status(id);
                    if (status.equals("completed") || status.equals("failed")) {
                        open.remove(id);
                    }
                }
                catch (RuntimeException e) {
                    return false;
                }
            }
            return open.isEmpty();
        }, "every task terminal");
        return ids.size() - open.size();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
