package com.aimedia.gateway.simulators.doubao;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.ProviderSimulator;
import com.aimedia.gateway.simulators.SimulatorOptions;
import com.aimedia.gateway.simulators.Simulators;
import com.aimedia.gateway.simulators.support.Exchanges;
import com.aimedia.gateway.simulators.support.Pause;
import com.aimedia.gateway.simulators.support.SampleMedia;
import com.aimedia.gateway.simulators.support.SimulatorServer;
import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that speaks VolcEngine Ark's video generation tasks API
 * (docs/providers/doubao.md); the base URL includes {@code /api/v3}.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@code POST /api/v3/contents/generations/tasks}
 * {@code {"model":..,"content":[..],"callback_url":..}}: answers
 * {@code {"id":"cgt-<time>-<rand>"}}. An unknown model (not {@code ep-...}) answers 404
 * {@code InvalidEndpointOrModel.NotFound}.</li>
 * <li>{@code GET /api/v3/contents/generations/tasks/{id}}: the task object,
 * {@code queued -> running -> succeeded} ({@code content.video_url}, and
 * {@code last_frame_url} with {@code return_last_frame}) or {@code failed}
 * ({@code error.code}) or {@code expired}. {@code DELETE} cancels a queued task or
 * deletes a finished one.</li>
 * <li>{@code GET /files/<id>.mp4|.png}: the results (no auth, like TOS signed URLs).</li>
 * </ul>
 * {@code Authorization: Bearer <key>} is required; else 401 {@code AuthenticationError}.
 * With a {@code callback_url}, the task object is POSTed to it when the task starts
 * running and when it ends (best effort).
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (ends {@code failed} with
 * {@code OutputVideoSensitiveContentDetected}), {@code [sim:reject-content]} (400
 * {@code InputTextSensitiveContentDetected}), {@code [sim:no-credits]} (403
 * {@code AccountOverdueError}), {@code [sim:busy]} (429
 * {@code RateLimitExceeded.EndpointRPMExceeded} once per prompt),
 * {@code [sim:server-error]} (500), {@code [sim:expired]} (ends {@code expired}).
 */
public final class DoubaoSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(DoubaoSimulator.class);

    private static final String PREFIX = "/api/v3";

    private static final String TASKS = PREFIX + "/contents/generations/tasks";

    private static final String FILES = "/files/";

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final DoubaoAccount account;

    private DoubaoSimulator(Config config) {
        this.config = config;
        this.server = SimulatorServer.bind("Doubao", config.port(), this::handle);
        this.account = new DoubaoAccount(config, json, () -> server.origin() + FILES);
    }

    public static DoubaoSimulator start(Config config) {
        DoubaoSimulator simulator = new DoubaoSimulator(config);
        simulator.server.start();
        log.info("doubao simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey(Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "doubao";
    }

    @Override
    public String baseUrl() {
        return server.origin() + PREFIX;
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.doubao.base-url", baseUrl(), "gateway.providers.doubao.api-key",
                config.apiKey());
    }

    /**
     * provider-workers.yml maps no shorter name for Doubao, so the relaxed-binding name
     * is the real one.
     */
    @Override
    public List<String> realCredentialVariables() {
        return List.of("ARK_API_KEY");
    }

    @Override
    public long jobsCancelled() {
        return account.jobsCancelled();
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    @Override
    public void close() {
        server.close();
        account.close();
    }

    public void failNextCreate(DoubaoError error) {
        account.failNextCreate(error);
    }

    public void failNextGet(DoubaoError error) {
        account.failNextGet(error);
    }

    /** From now on the task reports this raw {@code status}, documented or not. */
    public void forceStatus(String taskId, String raw) {
        account.forceStatus(taskId, raw);
    }

    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    /** Every authenticated create body received, in order. */
    public List<String> createBodies() {
        return account.createBodies();
    }

    /**
     * Callbacks delivered, as {@code <task id>:<status>:<HTTP status of the receiver>}.
     */
    public List<String> deliveredCallbacks() {
        return account.deliveredCallbacks();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()));
                return;
            }
            try {
                authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
                JsonNode answer = route(method, path, exchange);
                pause();
                send(exchange, 200, answer, null);
            }
            catch (DoubaoError.Answer answer) {
                pause();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, DoubaoError.invalidParameter("The request body is not valid JSON."));
            }
            catch (RuntimeException e) {
                log.error("doubao simulator failed path={}", path, e);
                sendError(exchange, DoubaoError.internal());
            }
        }
    }

    private void authenticate(@Nullable String header) {
        if (header == null || !header.equals("Bearer " + config.apiKey())) {
            throw DoubaoError.authentication().answer();
        }
    }

    private JsonNode route(String method, String path, HttpExchange exchange) throws IOException {
        if ("POST".equals(method) && TASKS.equals(path)) {
            return account.create(Exchanges.bodyText(exchange));
        }
        if (path.startsWith(TASKS + "/") && path.length() > TASKS.length() + 1) {
            String id = path.substring(TASKS.length() + 1);
            if ("GET".equals(method)) {
                return account.get(id);
            }
            if ("DELETE".equals(method)) {
                account.delete(id);
                return json.createObjectNode();
            }
        }
        throw new DoubaoError(404, "NotFound", "The requested path " + path + " was not found.", "NotFound").answer();
    }

    private void pause() {
        Pause.sleep(account.responseDelay());
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        boolean video = name.endsWith(".mp4");
        String id = name.replaceFirst("\\.(mp4|png)$", "");
        boolean available = (video || name.endsWith(".png")) && account.hasResult(id);
        byte[] body = !available ? "NoSuchKey".getBytes(StandardCharsets.UTF_8)
                : video ? SampleMedia.mp4("isomiso2avc1mp41", true, "doubao-simulator") : SampleMedia.greenPng();
        Exchanges.send(exchange, available ? 200 : 404, !available ? "text/plain" : video ? "video/mp4" : "image/png",
                body);
    }

    private void sendError(HttpExchange exchange, DoubaoError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("code", error.code());
        err.put("message", error.message() + " Request id: " + java.util.UUID.randomUUID());
        err.put("param", "");
        err.put("type", error.type());
        send(exchange, error.httpStatus(), body, error.retryAfter());
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body), retryAfter);
    }

    /**
     * How the simulator behaves.
     *
     * @param port the loopback port, 0 for a free one
     * @param apiKey the Ark API key it accepts
     * @param queuedFor how long a task stays {@code queued}
     * @param runningFor how long a task stays {@code running}
     * @param concurrencyLimit tasks in flight before a create answers 429
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration runningFor, int concurrencyLimit,
            Clock clock) {

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || concurrencyLimit < 1 || queuedFor.isNegative() || runningFor.isNegative()) {
                throw new IllegalArgumentException("invalid simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, "sim-ark-api-key", Duration.ofSeconds(1), Duration.ofSeconds(2), 10,
                    Clock.systemUTC());
        }

        public Config withApiKey(String newApiKey) {
            return new Config(port, newApiKey, queuedFor, runningFor, concurrencyLimit, clock);
        }

        public Config withTimings(Duration newQueuedFor, Duration newRunningFor) {
            return new Config(port, apiKey, newQueuedFor, newRunningFor, concurrencyLimit, clock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor + "]";
        }
    }

}
