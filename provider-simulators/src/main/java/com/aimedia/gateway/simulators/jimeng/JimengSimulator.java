package com.aimedia.gateway.simulators.jimeng;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

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
 * A local HTTP server that speaks the VolcEngine visual API as Jimeng uses it
 * (docs/providers/jimeng.md).
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@code POST /?Action=CVSync2AsyncSubmitTask&Version=2022-08-31} with
 * {@code {"req_key":..,"prompt":..}}: answers
 * {@code {"code":10000,"message":"Success","request_id":..,"data":{"task_id":".."}}}.</li>
 * <li>{@code POST /?Action=CVSync2AsyncGetResult&Version=2022-08-31} with
 * {@code {"req_key":..,"task_id":..}}: {@code data.status}
 * {@code in_queue -> generating -> done}; video req_keys answer {@code data.video_url},
 * image req_keys {@code data.binary_data_base64} (a PNG). An unknown task (or another
 * req_key) is {@code not_found}.</li>
 * <li>{@code GET /files/<task>.mp4}: the video, for {@link Config#urlLifetime()} after
 * the task is done.</li>
 * </ul>
 * Every API call must carry a valid VolcEngine V4 signature (region {@code cn-north-1},
 * service {@code cv}) made with the configured AK/SK, else HTTP 401 in the
 * {@code ResponseMetadata} envelope ({@code SignatureDoesNotMatch}). Business errors are
 * {@code {"code":<not 10000>,"message":..}}, mostly inside HTTP 200.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (accepted; GetResult then answers
 * 50511 "Post Img Risk Not Pass" in an HTTP 200), {@code [sim:reject-content]} (submit
 * answers 50412 in an HTTP 200), {@code [sim:no-credits]} (submit answers 50400 account
 * overdue), {@code [sim:busy]} (submit answers 429 50430 once per prompt),
 * {@code [sim:server-error]} (500 50500), {@code [sim:expired]} (the task ends
 * {@code expired}). Knobs: {@link #failNextSubmit}, {@link #failNextResult},
 * {@link #forceStatus}, {@link #delayResponses}.
 */
public final class JimengSimulator implements ProviderSimulator {

    public static final String REGION = "cn-north-1";

    public static final String SERVICE = "cv";

    private static final Logger log = LoggerFactory.getLogger(JimengSimulator.class);

    private static final String FILES = "/files/";

    private static final String VERSION = "2022-08-31";

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final VolcSignatureVerifier verifier;

    private final JimengAccount account;

    private JimengSimulator(Config config) {
        this.config = config;
        this.verifier = new VolcSignatureVerifier(config.accessKey(), config.secretKey(), REGION, SERVICE);
        this.account = new JimengAccount(config);
        this.server = SimulatorServer.bind("Jimeng", config.port(), this::handle);
    }

    public static JimengSimulator start(Config config) {
        JimengSimulator simulator = new JimengSimulator(config);
        simulator.server.start();
        log.info("jimeng simulator started baseUrl={}", simulator.baseUrl());
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
        return "jimeng";
    }

    @Override
    public String baseUrl() {
        return server.origin();
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.jimeng.base-url", baseUrl(), "gateway.providers.jimeng.access-key",
                config.accessKey(), "gateway.providers.jimeng.secret-key", config.secretKey());
    }

    /**
     * provider-workers.yml maps no shorter names for Jimeng, so the relaxed-binding names
     * are the real ones.
     */
    @Override
    public List<String> realCredentialVariables() {
        return List.of("VOLC_ACCESSKEY", "VOLC_SECRETKEY");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * The next submit (after the signature check) answers this error and creates nothing.
     */
    public void failNextSubmit(JimengError error) {
        account.failNextSubmit(error);
    }

    /** The next GetResult (after the signature check) answers this error. */
    public void failNextResult(JimengError error) {
        account.failNextResult(error);
    }

    /** From now on the task reports this raw {@code data.status}, documented or not. */
    public void forceStatus(String taskId, String raw) {
        account.forceStatus(taskId, raw);
    }

    /**
     * Delays every API answer, to exercise client read timeouts ({@link Duration#ZERO} to
     * stop).
     */
    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    /** Every signed submit body received, in order. */
    public List<String> submitBodies() {
        return account.submitBodies();
    }

    public int createdTaskCount() {
        return account.createdTaskCount();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()));
                return;
            }
            String action = "";
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                verifier.verify(new VolcSignatureVerifier.SignedRequest(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                        lowerCaseHeaders(exchange), body));
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                action = query.getOrDefault("Action", "");
                ObjectNode data = route(exchange.getRequestMethod(), path, action, query.get("Version"),
                        new String(body, StandardCharsets.UTF_8));
                pause();
                ObjectNode envelope = json.createObjectNode();
                envelope.put("code", 10000);
                envelope.put("message", "Success");
                envelope.put("request_id", UUID.randomUUID().toString());
                envelope.set("data", data);
                envelope.put("status", 10000);
                envelope.put("time_elapsed", "12.3ms");
                send(exchange, 200, envelope, null);
            }
            catch (JimengError.Answer answer) {
                pause();
                sendError(exchange, answer.error(), action);
            }
            catch (JacksonException e) {
                sendError(exchange, JimengError.business(400, 50205, "Invalid parameter: body is not valid JSON"),
                        action);
            }
            catch (RuntimeException e) {
                log.error("jimeng simulator failed path={}", path, e);
                sendError(exchange, JimengError.internalError(), action);
            }
        }
    }

    private ObjectNode route(String method, String path, String action, @Nullable String version, String body) {
        if (!"POST".equals(method) || !"/".equals(path) || !VERSION.equals(version)) {
            throw JimengError.gateway(404, "InvalidActionOrVersion", "Could not find operation " + action).answer();
        }
        return switch (action) {
            case "CVSync2AsyncSubmitTask" -> account.submit(body, json);
            case "CVSync2AsyncGetResult" -> account.getResult(body, json, baseUrl());
            default ->
                throw JimengError.gateway(404, "InvalidActionOrVersion", "Could not find operation " + action).answer();
        };
    }

    private void pause() {
        Pause.sleep(account.responseDelay());
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        String taskId = name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : "";
        boolean available = account.hasVideo(taskId);
        byte[] body = available ? SampleMedia.mp4("isomiso2avc1mp41", true, "jimeng-simulator")
                : "<Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8);
        Exchanges.send(exchange, available ? 200 : 403, available ? "video/mp4" : "application/xml", body);
    }

    private void sendError(HttpExchange exchange, JimengError error, String action) throws IOException {
        ObjectNode body = json.createObjectNode();
        String requestId = UUID.randomUUID().toString();
        if (error.metadataCode() != null) {
            ObjectNode metadata = body.putObject("ResponseMetadata");
            metadata.put("RequestId", requestId);
            metadata.put("Action", action);
            metadata.put("Version", VERSION);
            metadata.put("Service", SERVICE);
            metadata.put("Region", REGION);
            ObjectNode err = metadata.putObject("Error");
            err.put("Code", error.metadataCode());
            err.put("Message", error.message());
        }
        else {
            body.put("code", error.code());
            body.put("message", error.message());
            body.put("request_id", requestId);
            body.putNull("data");
            body.put("status", error.code());
            body.put("time_elapsed", "3.1ms");
        }
        send(exchange, error.httpStatus(), body, error.retryAfter());
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body), retryAfter);
    }

    private static Map<String, String> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return headers;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new TreeMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    /**
     * How the simulator behaves.
     *
     * @param port the loopback port, 0 for a free one
     * @param accessKey the AK requests must be signed with
     * @param secretKey the SK requests must be signed with
     * @param queuedFor how long a task stays {@code in_queue}
     * @param runningFor how long a task stays {@code generating}
     * @param concurrencyLimit tasks in flight before a submit answers 429 50430
     * @param urlLifetime how long a video URL works after the task is done
     * @param clock the simulator's time
     */
    public record Config(int port, String accessKey, String secretKey, Duration queuedFor, Duration runningFor,
            int concurrencyLimit, Duration urlLifetime, Clock clock) {

        public Config {
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            if (port < 0 || concurrencyLimit < 1 || queuedFor.isNegative() || runningFor.isNegative()) {
                throw new IllegalArgumentException("invalid simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, "sim-jimeng-access-key", "sim-jimeng-secret-key", Duration.ofSeconds(1),
                    Duration.ofSeconds(2), 10, Duration.ofHours(1), Clock.systemUTC());
        }

        public Config withCredentials(String newAccessKey, String newSecretKey) {
            return new Config(port, newAccessKey, newSecretKey, queuedFor, runningFor, concurrencyLimit, urlLifetime,
                    clock);
        }

        public Config withTimings(Duration newQueuedFor, Duration newRunningFor) {
            return new Config(port, accessKey, secretKey, newQueuedFor, newRunningFor, concurrencyLimit, urlLifetime,
                    clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, accessKey, secretKey, queuedFor, runningFor, concurrencyLimit, urlLifetime,
                    newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", accessKey=" + accessKey + ", secretKey=***, queuedFor=" + queuedFor
                    + ", runningFor=" + runningFor + ", concurrencyLimit=" + concurrencyLimit + "]";
        }
    }

}
