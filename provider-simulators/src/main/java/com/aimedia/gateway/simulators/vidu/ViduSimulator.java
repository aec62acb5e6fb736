package com.aimedia.gateway.simulators.vidu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * A local HTTP server that speaks the Vidu API v2 as docs/providers/vidu.md documents it.
 *
 * <h2>API (base {@code <host>/ent/v2})</h2>
 * <ul>
 * <li>{@code POST /text2video}, {@code /img2video}, {@code /start-end2video},
 * {@code /reference2video}: create; answers
 * {@code {"task_id","state":"created","model",..,"payload","credits","created_at"}}. Each
 * endpoint checks its models and image counts (text2video takes no vidu2.0 and no images;
 * img2video 1 image; start-end2video 2; reference2video 1-7 and a prompt).</li>
 * <li>{@code GET /tasks/{id}/creations}:
 * {@code {"id","state","err_code","credits","payload","bgm","off_peak",
 * "creations":[{"id","url","cover_url","watermarked_url"}]}}.</li>
 * <li>{@code POST /tasks/{id}/cancel}: {@code {}} while the task waits, else 400 "task
 * state is scheduled".</li>
 * <li>{@code GET /files/<id>.mp4?expires=..}: the result, until the URL expires
 * ({@link Config#urlLifetime()}, 1 h like the older Vidu page); then 403.</li>
 * </ul>
 * Auth: {@code Authorization: Token <api key>}, else 401 {@code Unauthorized}. Errors:
 * {@code {"code":<status>,"reason":..,"message":..,"metadata":{"trace_id":..}}}. At most
 * {@link Config#concurrencyLimit()} tasks run at once; excess tasks are accepted and stay
 * {@code queueing}. A {@code callback_url} receives the task body, HMAC-signed, on
 * {@code processing}, {@code success} and {@code failed}.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (task fails with
 * {@code CreationPolicyViolation}), {@code [sim:task-fail]} (fails with
 * {@code InternalServiceFailure}), {@code [sim:reject-content]} (400
 * {@code TaskPromptPolicyViolation}), {@code [sim:no-credits]} (400
 * {@code CreditInsufficient}), {@code [sim:busy]} (429 {@code SystemThrottling} once per
 * payload or prompt), {@code [sim:server-error]} (500 {@code InternalServiceFailure}),
 * {@code [sim:slow]} (5x longer). Knobs: {@link #failNextCreate}, {@link #failNextQuery},
 * {@link #forceState}, {@link #delayResponses}.
 */
public final class ViduSimulator implements ProviderSimulator {

    public static final String PREFIX = "/ent/v2";

    private static final Logger log = LoggerFactory.getLogger(ViduSimulator.class);

    private static final String FILES = "/files/";

    private final Config config;

    private final SimulatorServer server;

    private final ScheduledExecutorService ticker = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("vidu-simulator-callbacks").factory());

    private final JsonMapper json = JsonMapper.builder().build();

    private final ViduAccount account;

    private final ViduCallbacks callbacks;

    private volatile Duration responseDelay = Duration.ZERO;

    private ViduSimulator(Config config) {
        this.config = config;
        this.account = new ViduAccount(config);
        this.callbacks = new ViduCallbacks(config.apiKey(), config.clock());
        this.server = SimulatorServer.bind("Vidu", config.port(), this::handle);
    }

    public static ViduSimulator start(Config config) {
        ViduSimulator simulator = new ViduSimulator(config);
        simulator.server.start();
        simulator.ticker.scheduleWithFixedDelay(simulator::sendDueCallbacks, 50, 50, TimeUnit.MILLISECONDS);
        log.info("vidu simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey(Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "vidu";
    }

    @Override
    public String baseUrl() {
        return server.origin() + PREFIX;
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.vidu.base-url", baseUrl(), "gateway.providers.vidu.api-key", config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("VIDU_API_KEY");
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
        ticker.shutdownNow();
        server.close();
    }

    public Config config() {
        return config;
    }

    public void failNextCreate(ViduError error) {
        account.failNextCreate(error);
    }

    public void failNextQuery(ViduError error) {
        account.failNextQuery(error);
    }

    /**
     * The next query answers HTTP 200 with {@code state: failed} and this
     * {@code err_code}.
     */
    public void failNextQueryInsideOk(String errCode) {
        account.failNextQueryInsideOk(errCode);
    }

    /** From now on the task reports this raw {@code state}, documented or not. */
    public void forceState(String taskId, String rawState) {
        account.forceState(taskId, rawState);
    }

    public @Nullable String stateOf(String taskId) {
        return account.stateOf(taskId);
    }

    public void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    public int createdTaskCount() {
        return account.createdTaskCount();
    }

    public List<RecordedCreate> createRequests() {
        return account.createRequests();
    }

    private void sendDueCallbacks() {
        try {
            account.dueCallbacks(json, server.origin() + FILES).forEach(callbacks::send);
        }
        catch (RuntimeException e) {
            log.warn("vidu simulator could not prepare callbacks", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()), exchange.getRequestURI().getRawQuery());
                return;
            }
            try {
                JsonNode answer = route(exchange, path);
                delay();
                send(exchange, 200, answer, null);
            }
            catch (ViduError.Answer answer) {
                delay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, new ViduError(400, "BadRequest", "body is not valid JSON"));
            }
            catch (RuntimeException e) {
                log.error("vidu simulator failed path={}", path, e);
                sendError(exchange, ViduError.internal());
            }
        }
    }

    private JsonNode route(HttpExchange exchange, String path) throws IOException {
        if (!path.startsWith(PREFIX + "/")) {
            throw new ViduError(404, "NotFound", "not found").answer();
        }
        if (!("Token " + config.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw ViduError.unauthorized().answer();
        }
        String[] segments = path.substring(PREFIX.length() + 1).split("/", -1);
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && segments.length == 1 && ViduAccount.ENDPOINTS.contains(segments[0])) {
            String body = Exchanges.bodyText(exchange);
            return account.create(segments[0], body, json);
        }
        if (segments.length == 3 && "tasks".equals(segments[0])) {
            if ("GET".equals(method) && "creations".equals(segments[2])) {
                return account.query(segments[1], json, server.origin() + FILES);
            }
            if ("POST".equals(method) && "cancel".equals(segments[2])) {
                account.cancel(segments[1]);
                return json.createObjectNode();
            }
        }
        throw new ViduError(404, "NotFound", "not found").answer();
    }

    private void serveFile(HttpExchange exchange, String name, @Nullable String query) throws IOException {
        long expires = -1;
        if (query != null && query.startsWith("expires=")) {
            try {
                expires = Long.parseLong(query.substring("expires=".length()));
            }
            catch (NumberFormatException ignored) {
                expires = -1;
            }
        }
        String id = name.replaceAll("(-wm)?\\.(mp4|jpg)$", "");
        byte[] body;
        int status;
        if (account.fileAvailable(id, expires)) {
            status = 200;
            body = name.endsWith(".jpg") ? new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 }
                    : tinyMp4();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".jpg") ? "image/jpeg" : "video/mp4");
        }
        else {
            status = 403;
            body = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * An ISO BMFF {@code ftyp} box followed by a small {@code mdat}: enough to look like
     * an MP4.
     */
    static byte[] tinyMp4() {
        return SampleMedia.mp4("isommp41", false, "vidu!");
    }

    private void delay() {
        Pause.sleep(responseDelay);
    }

    private void sendError(HttpExchange exchange, ViduError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("code", error.httpStatus());
        body.put("reason", error.reason());
        body.put("message", error.message());
        body.putObject("metadata").put("trace_id", UUID.randomUUID().toString().replace("-", ""));
        send(exchange, error.httpStatus(), body, error.retryAfter());
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body), retryAfter);
    }

    /** One authenticated create request as received. */
    public record RecordedCreate(String endpoint, String body) {
    }

    /**
     * @param port the port (0 = free)
     * @param apiKey the token the simulator accepts (and signs callbacks with)
     * @param queuedFor how long a task stays {@code created}
     * @param processingFor how long a task stays {@code processing}
     * @param concurrencyLimit tasks processing at once before new ones stay
     * {@code queueing} (Vidu: 5 per organisation)
     * @param urlLifetime how long result URLs work after the task finished
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration processingFor, int concurrencyLimit,
            Duration urlLifetime, Clock clock) {

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || concurrencyLimit < 1 || queuedFor.isNegative() || processingFor.isNegative()) {
                throw new IllegalArgumentException("invalid Vidu simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, "sim-vidu-api-key", Duration.ofSeconds(1), Duration.ofSeconds(2), 5,
                    Duration.ofHours(1), Clock.systemUTC());
        }

        public Config withApiKey(String key) {
            return new Config(port, key, queuedFor, processingFor, concurrencyLimit, urlLifetime, clock);
        }

        public Config withTimings(Duration queued, Duration processing) {
            return new Config(port, apiKey, queued, processing, concurrencyLimit, urlLifetime, clock);
        }

        public Config withConcurrencyLimit(int limit) {
            return new Config(port, apiKey, queuedFor, processingFor, limit, urlLifetime, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, apiKey, queuedFor, processingFor, concurrencyLimit, urlLifetime, newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", processingFor=" + processingFor
                    + ", concurrencyLimit=" + concurrencyLimit + ", urlLifetime=" + urlLifetime + "]";
        }
    }

}
