package com.aimedia.gateway.simulators.kling;

import com.aimedia.gateway.simulators.ProviderSimulator;
import com.aimedia.gateway.simulators.SimulatorOptions;
import com.aimedia.gateway.simulators.Simulators;
import com.aimedia.gateway.simulators.support.Exchanges;
import com.aimedia.gateway.simulators.support.SampleMedia;
import com.aimedia.gateway.simulators.support.SimulatorServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that speaks the Kling AI video and image API as
 * docs/providers/kling.md documents it, for tests and the embedded default.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@code POST /v1/videos/text2video}, {@code POST /v1/videos/image2video}: create;
 * answers the envelope
 * {@code {"code":0,"message":"SUCCEED","request_id":..,"data":{"task_id":"<long numeric string>","task_status":"submitted",
 * "task_info":{"external_task_id":..},"created_at":<ms>,"updated_at":<ms>}}}.</li>
 * <li>{@code GET /v1/videos/{text2video|image2video}/{id}}: query one task. {@code id} is
 * the {@code task_id} or the caller's {@code external_task_id}: the Kling docs list both
 * as request <em>path</em> parameters ("choose either task_id or external_task_id to
 * query"), so the path segment is looked up as a task id first, then as an external task
 * id. A task of the other family, or none, answers 404 1203.</li>
 * <li>{@code POST /v1/images/generations}, {@code GET /v1/images/generations/{id}}: image
 * generation, same envelope and statuses; a finished task has
 * {@code task_result.images[{index,url}]}, {@code n} of them (default 1). An image task
 * holds {@code n} slots of the image resource pack, separate from the video pack.</li>
 * <li>{@code GET /files/<id>-<index>.png}: a result image ({@code image/png}, no
 * auth).</li>
 * <li>{@code GET /files/<id>.mp4}: the result video (a small MP4 body, {@code video/mp4},
 * no auth, like Kling's CDN).</li>
 * </ul>
 * Every {@code /v1} call needs {@code Authorization: Bearer <HS256 JWT>} signed with the
 * configured secret key, {@code iss} = access key, valid {@code nbf}/{@code exp}; else
 * HTTP 401 with code 1000-1004. Errors are
 * {@code {"code":..,"message":..,"request_id":..}} with the documented HTTP status. Tasks
 * go {@code submitted} (for {@link Config#queuedFor()}) then {@code processing} (for
 * {@link Config#processingFor()}) then {@code succeed} with
 * {@code task_result.videos[{id,url,duration}]} or {@code failed} with
 * {@code task_status_msg}. Tasks in flight per account are limited
 * ({@link Config#concurrencyLimit()}); over it: 429 1303.
 *
 * <h2>Prompt markers</h2>
 * <ul>
 * <li>{@code [sim:content-policy]}: accepted, later {@code failed} with a risk-control
 * {@code task_status_msg}.</li>
 * <li>{@code [sim:reject-content]}: create answers 400 1301 (content security
 * policy).</li>
 * <li>{@code [sim:arrears]}: create answers 429 1101; {@code [sim:no-credits]}: 429 1102
 * (billing, not retryable).</li>
 * <li>{@code [sim:busy]}: create answers 429 1303 once per {@code external_task_id} (or
 * prompt), then accepts.</li>
 * <li>{@code [sim:server-error]}: create answers 500 5000 and creates nothing.</li>
 * <li>{@code [sim:lost-response]}: the task IS created but the answer is 504 5002 (an
 * unknown outcome for the client; a lookup by {@code external_task_id} finds it).</li>
 * <li>{@code [sim:slow]}: queued and processing times are multiplied by
 * {@link Config#slowFactor()}.</li>
 * </ul>
 * Programmatic knobs for tests: {@link #failNextCreate}, {@link #failNextQuery},
 * {@link #forceStatus}, {@link #delayResponses}, {@link #createdTaskCount()},
 * {@link #createRequests()}, {@link #reset()}.
 */
public final class KlingSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(KlingSimulator.class);

    private static final String VIDEOS = "/v1/videos/";

    private static final String IMAGES = "/v1/images/generations";

    private static final String FILES = "/files/";

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final KlingJwtVerifier jwt;

    private final KlingAccount account;

    private KlingSimulator(Config config) {
        this.config = config;
        this.jwt = new KlingJwtVerifier(config.accessKey(), config.secretKey(), config.clock(), json);
        this.server = SimulatorServer.bind("Kling", config.port(), this::handle);
        this.account = new KlingAccount(config, () -> baseUrl());
    }

    /**
     * Starts a simulator on {@code config.port()} (0 = a free port) of the loopback
     * interface.
     */
    public static KlingSimulator start(Config config) {
        KlingSimulator simulator = new KlingSimulator(config);
        simulator.server.start();
        log.info("kling simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    /**
     * The simulator as the embedded default runs it: free port, random credentials, the
     * given timings.
     */
    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withCredentials(Simulators.randomCredential(), Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "kling";
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.kling.base-url", baseUrl(), "gateway.providers.kling.access-key",
                config.accessKey(), "gateway.providers.kling.secret-key", config.secretKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("KLING_ACCESS_KEY", "KLING_SECRET_KEY");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    @Override
    public String baseUrl() {
        return server.origin();
    }

    public Config config() {
        return config;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * The next create request (after auth) answers this error and creates nothing.
     * Queued, one per request.
     */
    public void failNextCreate(KlingError error) {
        account.failNextCreate(error);
    }

    /**
     * The next query request (after auth) answers this error. Queued, one per request.
     */
    public void failNextQuery(KlingError error) {
        account.failNextQuery(error);
    }

    /** From now on the task reports this raw {@code task_status}, documented or not. */
    public void forceStatus(String taskId, String rawStatus) {
        account.forceStatus(taskId, rawStatus);
    }

    /**
     * Delays every API answer, to exercise client read timeouts ({@link Duration#ZERO} to
     * stop).
     */
    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    /** How many tasks this simulator created (accepted creates). */
    public int createdTaskCount() {
        return account.createdTaskCount();
    }

    /** Every authenticated create request received, accepted or not, in order. */
    public List<RecordedCreate> createRequests() {
        return account.createRequests();
    }

    /** The task id of the task created with this {@code external_task_id}, if any. */
    public Optional<String> taskIdForExternalId(String externalTaskId) {
        return account.taskIdForExternalId(externalTaskId);
    }

    /**
     * Forgets every task, recorded request and armed failure; {@link #jobsCreated()}
     * starts again from zero.
     */
    public void reset() {
        account.reset();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()));
                return;
            }
            try {
                JsonNode data = route(exchange, path);
                account.sleepConfiguredDelay();
                ObjectNode envelope = json.createObjectNode();
                envelope.put("code", 0);
                envelope.put("message", "SUCCEED");
                envelope.put("request_id", KlingAccount.requestId());
                envelope.set("data", data);
                send(exchange, 200, envelope, null);
            }
            catch (KlingError.Answer answer) {
                account.sleepConfiguredDelay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, new KlingError(400, 1200, "Invalid request parameters: body is not valid JSON"));
            }
            catch (RuntimeException e) {
                log.error("kling simulator failed path={}", path, e);
                sendError(exchange, KlingError.serverError());
            }
        }
    }

    private JsonNode route(HttpExchange exchange, String path) throws IOException {
        String rest;
        String family;
        if (path.equals(IMAGES) || path.startsWith(IMAGES + "/")) {
            family = KlingAccount.IMAGES;
            rest = path.substring(IMAGES.length());
        }
        else if (path.startsWith(VIDEOS)) {
            String[] parts = path.substring(VIDEOS.length()).split("/", 2);
            family = parts[0];
            rest = parts.length > 1 ? "/" + parts[1] : "";
        }
        else {
            throw new KlingError(404, 1202, "Invalid request method or path").answer();
        }
        jwt.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!KlingAccount.FAMILIES.contains(family)) {
            throw new KlingError(404, 1202, "Invalid request method or path").answer();
        }
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && rest.isEmpty()) {
            String body = Exchanges.bodyText(exchange);
            return account.create(family, path, body, json);
        }
        String id = rest.startsWith("/") ? rest.substring(1) : "";
        if ("GET".equals(method) && !id.isEmpty() && !id.contains("/")) {
            return account.query(family, id, json);
        }
        throw new KlingError(404, 1202, "Invalid request method or path").answer();
    }

    /**
     * {@code <fileId>.mp4} for a video, {@code <fileId>-<index>.png} for the images of an
     * image task.
     */
    private void serveFile(HttpExchange exchange, String name) throws IOException {
        boolean png = name.endsWith(".png");
        String stem = name.endsWith(".mp4") || png ? name.substring(0, name.length() - 4) : "";
        String fileId = png && stem.lastIndexOf('-') > 0 ? stem.substring(0, stem.lastIndexOf('-')) : stem;
        if (!account.hasFile(fileId)) {
            byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
            Exchanges.send(exchange, 404, "text/plain", body);
            return;
        }
        byte[] content = png ? SampleMedia.redPng() : SampleMedia.mp4("isomiso2avc1mp41", true, "kling-simulator");
        Exchanges.send(exchange, 200, png ? "image/png" : "video/mp4", content);
    }

    private void sendError(HttpExchange exchange, KlingError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("code", error.code());
        body.put("message", error.message());
        body.put("request_id", KlingAccount.requestId());
        send(exchange, error.httpStatus(), body, error.retryAfter());
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body), retryAfter);
    }

    /** A create request as received: its path and raw JSON body. */
    public record RecordedCreate(String path, String body) {
    }

    /**
     * How a simulator behaves.
     *
     * @param port the port to bind on the loopback interface, 0 for a free one
     * @param accessKey the account's access key (the JWT {@code iss})
     * @param secretKey the account's secret key (the HS256 key)
     * @param queuedFor how long a task stays {@code submitted}
     * @param processingFor how long a task stays {@code processing}
     * @param concurrencyLimit tasks in flight per account before a create answers 429
     * 1303
     * @param slowFactor how much longer a {@code [sim:slow]} task takes
     * @param clock the simulator's time (tokens, timestamps, status progression)
     */
    public record Config(int port, String accessKey, String secretKey, Duration queuedFor, Duration processingFor,
            int concurrencyLimit, int slowFactor, Clock clock) {

        public static final String DEFAULT_ACCESS_KEY = "sim-kling-access-key";

        public static final String DEFAULT_SECRET_KEY = "sim-kling-secret-key";

        public Config {
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            if (port < 0 || concurrencyLimit < 1 || slowFactor < 1 || queuedFor.isNegative()
                    || processingFor.isNegative()) {
                throw new IllegalArgumentException("invalid simulator config: port >= 0, concurrencyLimit >= 1, "
                        + "slowFactor >= 1 and non-negative durations are required");
            }
        }

        /**
         * Random port, development keys, queued ~1 s, processing ~2 s, 10 tasks in
         * flight, system clock.
         */
        public static Config defaults() {
            return new Config(0, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Duration.ofSeconds(1), Duration.ofSeconds(2),
                    10, 5, Clock.systemUTC());
        }

        public Config withPort(int newPort) {
            return new Config(newPort, accessKey, secretKey, queuedFor, processingFor, concurrencyLimit, slowFactor,
                    clock);
        }

        public Config withCredentials(String newAccessKey, String newSecretKey) {
            return new Config(port, newAccessKey, newSecretKey, queuedFor, processingFor, concurrencyLimit, slowFactor,
                    clock);
        }

        public Config withTimings(Duration newQueuedFor, Duration newProcessingFor) {
            return new Config(port, accessKey, secretKey, newQueuedFor, newProcessingFor, concurrencyLimit, slowFactor,
                    clock);
        }

        public Config withConcurrencyLimit(int newLimit) {
            return new Config(port, accessKey, secretKey, queuedFor, processingFor, newLimit, slowFactor, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, accessKey, secretKey, queuedFor, processingFor, concurrencyLimit, slowFactor,
                    newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", accessKey=" + accessKey + ", secretKey=***, queuedFor=" + queuedFor
                    + ", processingFor=" + processingFor + ", concurrencyLimit=" + concurrencyLimit + "]";
        }
    }

}
