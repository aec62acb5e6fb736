package com.aimedia.gateway.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

/**
 * Follows tasks from submit to their end as a client sees them: GET every few
 * milliseconds until the task is terminal, and the time its terminal webhook arrived.
 */
final class EndToEnd {

    private static final Duration GET_EVERY = Duration.ofMillis(10);

    private final GatewayClient client;

    private final WebhookReceiver receiver;

    EndToEnd(GatewayClient client, WebhookReceiver receiver) {
        this.client = client;
        this.receiver = receiver;
    }

    /**
     * One task's trip.
     *
     * @param toTerminal from sending the submit to the first GET that answered completed
     * or failed
     * @param toWebhook from sending the submit to the terminal webhook's arrival; null
     * when none arrived in time
     */
    record Trip(String taskId, String status, Duration toTerminal, @Nullable Duration toWebhook,
            boolean sawInProgress) {
    }

    /**
     * Runs {@code perClient} tasks one after the other on each of {@code clients}
     * parallel clients.
     */
    List<Trip> run(String model, int clients, int perClient, Duration timeout) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Trip>>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    List<Trip> trips = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        trips.add(trip(model, timeout));
                    }
                    return trips;
                }));
            }
            List<Trip> trips = new ArrayList<>();
            running.forEach(future -> trips.addAll(Futures.get(future)));
            return trips;
        }
    }

    Trip trip(String model, Duration timeout) {
        long sent = System.nanoTime();
        String taskId = client.submitForId(model, receiver.url());
        long deadline = sent + timeout.toNanos();
        boolean sawInProgress = false;
        String status;
        while (true) {
            status = client.status(taskId);
            sawInProgress |= status.equals("in_progress");
            if (status.equals("completed") || status.equals("failed")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("task " + taskId + " still " + status + " after " + timeout);
            }
            Kafka.sleep(GET_EVERY);
        }
        Duration toTerminal = Duration.ofNanos(System.nanoTime() - sent);
        while (receiver.terminalAt(taskId).isEmpty() && System.nanoTime() < deadline) {
            Kafka.sleep(GET_EVERY);
        }
        Duration toWebhook = receiver.terminalAt(taskId).map(at -> Duration.ofNanos(at - sent)).orElse(null);
        return new Trip(taskId, status, toTerminal, toWebhook, sawInProgress);
    }

    static Latencies terminal(List<Trip> trips, Duration minus) {
        return new Latencies(trips.stream().mapToLong(trip -> trip.toTerminal().minus(minus).toNanos()).toArray());
    }

    static Latencies webhook(List<Trip> trips, Duration minus) {
        return new Latencies(trips.stream()
            .filter(trip -> trip.toWebhook() != null)
            .mapToLong(trip -> trip.toWebhook().minus(minus).toNanos())
            .toArray());
    }

}
