package com.aimedia.gateway.callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver that records every request and answers with scripted statuses per
 * path (then 200).
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * @param nanoTime when it arrived ({@link System#nanoTime()})
     * @param refused whether it was answered 503 because the receiver was down
     */
    public record Received(String path, HttpHeaders headers, byte[] body, long nanoTime, boolean refused) {

        public String header(String name) {
            return headers.firstValue(name).orElseThrow(() -> new AssertionError("missing header " + name));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    private volatile boolean down;

    public WebhookReceiver(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /**
     * The next requests to {@code path} get these answers, in order; later ones get 200.
     */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, key -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** While down, every request is recorded and answered 503 (the receiver is out). */
    public void down(boolean down) {
        this.down = down;
    }

    /**
     * Requests to {@code path} are recorded, then wait for the latch before they are
     * answered.
     */
    public void hold(String path, CountDownLatch latch) {
        holds.put(path, latch);
    }

    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean isDown = down;
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(path, HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true),
                    in.readAllBytes(), System.nanoTime(), isDown));
        }
        CountDownLatch hold = holds.get(path);
        if (hold != null) {
            try {
                hold.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Answer> script = scripts.get(path);
        Answer answer = isDown ? new Answer(503, Map.of()) : script == null ? null : script.pollFirst();
        if (answer == null) {
            answer = new Answer(200, Map.of());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
