package com.aimedia.gateway.simulators.wan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that speaks DashScope's asynchronous Wan API
 * (docs/providers/wan.md); the base URL includes {@code /api/v1}.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@code POST /api/v1/services/aigc/video-generation/video-synthesis} and
 * {@code /api/v1/services/aigc/text2image/image-synthesis}: need
 * {@code X-DashScope-Async: enable} (else 403 {@code AccessDenied} "does not support
 * synchronous calls"); answer
 * {@code {"output":{"task_id":..,"task_status":"PENDING"},"request_id":..}}. A model of
 * the other kind or an unknown one answers 400 {@code InvalidParameter} "Model not
 * exist.".</li>
 * <li>{@code GET /api/v1/tasks/{id}}: {@code PENDING -> RUNNING -> SUCCEEDED}
 * ({@code output.video_url}, or {@code output.results[].url} with {@code task_metrics})
 * or {@code FAILED} ({@code output.code/message}). A task it does not know, or one older
 * than {@link Config#retention()} (24 h), is {@code UNKNOWN} with HTTP 200. {@code POST
 * /api/v1/tasks/{id}/cancel} cancels a PENDING task.</li>
 * <li>{@code GET /files/<name>}: result files, only while the task is retained (URLs live
 * 24 hours).</li>
 * </ul>
 * {@code Authorization: Bearer <key>} is required; else 401 {@code InvalidApiKey}.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (video: {@code FAILED} with
 * {@code DataInspectionFailed}; image: {@code SUCCEEDED} with every result filtered,
 * {@code task_metrics.FAILED == n}), {@code [sim:reject-content]} (400
 * {@code DataInspectionFailed}), {@code [sim:no-credits]} (400 {@code Arrearage}),
 * {@code [sim:busy]} (429 {@code Throttling.RateQuota} once per prompt),
 * {@code [sim:server-error]} (500 {@code InternalError}), {@code [sim:unknown]} (the task
 * reads {@code UNKNOWN}, as a lost or expired task does).
 */
public final class WanSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(WanSimulator.class);

    private static final String PREFIX = "/api/v1";

    private static final String VIDEO = PREFIX + "/services/aigc/video-generation/video-synthesis";

    private static final String IMAGE = PREFIX + "/services/aigc/text2image/image-synthesis";

    private static final String TASKS = PREFIX + "/tasks/";

    private static final String FILES = "/files/";

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final WanAccount account;

    private WanSimulator(Config config) {
        this.config = config;
        this.server = SimulatorServer.bind("Wan", config.port(), this::handle);
        this.account = new WanAccount(config, json, () -> server.origin() + FILES);
    }

    public static WanSimulator start(Config config) {
        WanSimulator simulator = new WanSimulator(config);
        simulator.server.start();
        log.info("wan simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey("sk-" + Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "wan";
    }

    @Override
    public String baseUrl() {
        return server.origin() + PREFIX;
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.wan.base-url", baseUrl(), "gateway.providers.wan.api-key", config.apiKey());
    }

    /**
     * provider-workers.yml maps no shorter name for Wan, so the relaxed-binding name is
     * the real one.
     */
    @Override
    public List<String> realCredentialVariables() {
        return List.of("DASHSCOPE_API_KEY");
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
    }

    public void failNextSubmit(WanError error) {
        account.failNextSubmit(error);
    }

    public void failNextTask(WanError error) {
        account.failNextTask(error);
    }

    /** From now on the task reports this raw {@code task_status}, documented or not. */
    public void forceStatus(String taskId, String raw) {
        account.forceStatus(taskId, raw);
    }

    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    /** Every authenticated submit body received, in order. */
    public List<String> submitBodies() {
        return account.submitBodies();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()));
                return;
            }
            try {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                if (header == null || !header.equals("Bearer " + config.apiKey())) {
                    throw WanError.invalidApiKey().answer();
                }
                ObjectNode output = route(exchange, path);
                pause();
                ObjectNode body = json.createObjectNode();
                body.put("request_id", UUID.randomUUID().toString());
                body.set("output", output);
                send(exchange, 200, body, null);
            }
            catch (WanError.Answer answer) {
                pause();
                ObjectNode body = json.createObjectNode();
                body.put("request_id", UUID.randomUUID().toString());
                body.put("code", answer.error().code());
                body.put("message", answer.error().message());
                send(exchange, answer.error().httpStatus(), body, answer.error().retryAfter());
            }
            catch (JacksonException e) {
                sendPlain(exchange, WanError.invalidParameter("The request body is not valid JSON."));
            }
            catch (RuntimeException e) {
                log.error("wan simulator failed path={}", path, e);
                sendPlain(exchange, WanError.internal());
            }
        }
    }

    private ObjectNode route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && (VIDEO.equals(path) || IMAGE.equals(path))) {
            if (!"enable".equals(exchange.getRequestHeaders().getFirst("X-DashScope-Async"))) {
                throw WanError.synchronousCall().answer();
            }
            return account.submit(IMAGE.equals(path), Exchanges.bodyText(exchange));
        }
        if (path.startsWith(TASKS) && path.length() > TASKS.length()) {
            String rest = path.substring(TASKS.length());
            if ("GET".equals(method) && !rest.contains("/")) {
                return account.task(rest);
            }
            if ("POST".equals(method) && rest.endsWith("/cancel")) {
                return account.cancel(rest.substring(0, rest.length() - "/cancel".length()));
            }
        }
        throw new WanError(404, "NotFound", "The requested path was not found.").answer();
    }

    private void pause() {
        Pause.sleep(account.responseDelay());
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        boolean video = name.endsWith(".mp4");
        String taskId = video ? name.substring(0, name.length() - 4) : name.replaceFirst("-\\d+\\.png$", "");
        boolean available = (video || name.endsWith(".png")) && account.hasResult(taskId)
                && account.isImage(taskId) != video;
        byte[] body = !available
                ? "<Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8)
                : video ? SampleMedia.mp4("isomiso2avc1mp41", true, "wan-simulator") : SampleMedia.greenPng();
        Exchanges.send(exchange, available ? 200 : 403,
                !available ? "application/xml" : video ? "video/mp4" : "image/png", body);
    }

    private void sendPlain(HttpExchange exchange, WanError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("code", error.code());
        body.put("message", error.message());
        send(exchange, error.httpStatus(), body, null);
    }

    private void send(HttpExchange exchange, int status, ObjectNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body), retryAfter);
    }

    /**
     * How the simulator behaves.
     *
     * @param port the loopback port, 0 for a free one
     * @param apiKey the DashScope API key it accepts
     * @param queuedFor how long a task stays {@code PENDING}
     * @param runningFor how long a task stays {@code RUNNING}
     * @param concurrencyLimit tasks in flight before a submit answers 429
     * {@code Throttling.AllocationQuota}
     * @param retention how long tasks and result URLs live (24 hours), after which a task
     * reads {@code UNKNOWN}
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration runningFor, int concurrencyLimit,
            Duration retention, Clock clock) {

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || concurrencyLimit < 1 || queuedFor.isNegative() || runningFor.isNegative()) {
                throw new IllegalArgumentException("invalid simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, "sk-sim-dashscope-key", Duration.ofSeconds(1), Duration.ofSeconds(2), 10,
                    Duration.ofHours(24), Clock.systemUTC());
        }

        public Config withApiKey(String newApiKey) {
            return new Config(port, newApiKey, queuedFor, runningFor, concurrencyLimit, retention, clock);
        }

        public Config withTimings(Duration newQueuedFor, Duration newRunningFor) {
            return new Config(port, apiKey, newQueuedFor, newRunningFor, concurrencyLimit, retention, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, apiKey, queuedFor, runningFor, concurrencyLimit, retention, newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor + "]";
        }
    }

}
