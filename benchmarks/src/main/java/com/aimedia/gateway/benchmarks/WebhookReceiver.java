package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that notes when each task's terminal webhook arrived,
 * and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;

    private final Map<String, Long> terminalAt = new ConcurrentHashMap<>();

    private final AtomicInteger received = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        received.incrementAndGet();
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = GatewayClient.statusOf(body);
            if (status.equals("completed") || status.equals("failed")) {
                terminalAt.putIfAbsent(GatewayClient.idOf(body), now);
            }
        }
        catch (RuntimeException e) {
            // not a task body: nothing to note
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many requests arrived. */
    int received() {
        return received.get();
    }

    /** System.nanoTime() when the task's terminal webhook arrived. */
    Optional<Long> terminalAt(String taskId) {
        return Optional.ofNullable(terminalAt.get(taskId));
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
