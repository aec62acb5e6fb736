package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Measurement 6: how many webhooks per second callback-service delivers to one local
 * receiver, from terminal TaskStatusChanged events already waiting in Kafka (recording,
 * claiming, signing, sending and recording the outcome of each), against a bare sender
 * that POSTs the same bodies to the same kind of receiver with callback-service's
 * per-host concurrency. Then the same with a second receiver, on another loopback
 * address, that accepts and never answers: its deliveries must not slow the healthy
 * one's.
 */
final class FanOut {

    /** callback-service's default {@code gateway.callback.dispatch.max-per-host}. */
    static final int PER_HOST = 4;

    private final Kafka kafka;

    private final String tenant;

    FanOut(Kafka kafka, String tenant) {
        this.kafka = kafka;
        this.tenant = tenant;
    }

    /**
     * Deliveries per second of {@code count} webhooks to a fresh receiver; with
     * {@code hanging} more to a hung one.
     */
    double gateway(int count, int hanging, Duration timeout) {
        try (WebhookReceiver healthy = new WebhookReceiver(); HangingReceiver hung = new HangingReceiver()) {
            int total = count + hanging;
            long start = System.nanoTime();
            // the hanging receiver's events first: they take their dispatch slots before
            // the healthy ones arrive
            kafka.produceCompleted(tenant, total, i -> i < hanging ? hung.url() : healthy.url());
            IngestBenchmark.awaitUntil(timeout, () -> healthy.received() >= count, "webhooks delivered");
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The same number of POSTs from a JDK HttpClient, {@link #PER_HOST} at a time. */
    static double bare(HttpClient client, int count) {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < PER_HOST; s++) {
                running.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = "{\"id\":\"task_bare" + i
                                + "\",\"model\":\"bench-model\",\"status\":\"completed\","
                                + "\"version\":3,\"outputs\":[\"https://example.invalid/" + i + ".mp4\"]}";
                        send(client,
                                HttpRequest.newBuilder(URI.create(receiver.url()))
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(15))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build());
                    }
                    return null;
                }));
            }
            running.forEach(Futures::get);
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void send(HttpClient client, HttpRequest request) {
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Accepts every request on 127.0.0.2 and answers none until closed: a receiver that
     * hangs.
     */
    static final class HangingReceiver implements AutoCloseable {

        private final HttpServer server;

        private final CountDownLatch closed = new CountDownLatch(1);

        HangingReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::hang);
            server.start();
        }

        private void hang(HttpExchange exchange) {
            try {
                closed.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        }

        String url() {
            return "http://127.0.0.2:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }

    }

}
