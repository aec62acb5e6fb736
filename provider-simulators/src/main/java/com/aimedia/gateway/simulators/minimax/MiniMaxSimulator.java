package com.aimedia.gateway.simulators.minimax;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * A local HTTP server that speaks the MiniMax (Hailuo) video API v1 as
 * docs/providers/minimax.md documents it.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@code POST /v1/video_generation}: {@code {"task_id":"<numeric
 * string>","base_resp":{"status_code":0,...}}}.</li>
 * <li>{@code GET /v1/query/video_generation?task_id=}:
 * {@code {task_id,status,file_id,video_width,video_height,base_resp}} with {@code status}
 * {@code Preparing} -> {@code Queueing} -> {@code Processing} -> {@code Success} |
 * {@code Fail}.</li>
 * <li>{@code GET /v1/files/retrieve?file_id=}:
 * {@code {"file":{file_id,bytes,created_at,filename,purpose,download_url,
 * backup_download_url},"base_resp":..}}; the download URL expires after
 * {@link Config#urlLifetime()} (9 h).</li>
 * </ul>
 * Every error is HTTP 200 with a non-zero {@code base_resp.status_code} (1002 rate limit,
 * 1004 auth, 1008 balance, 1024 internal, 1026/1027 sensitive input/output, 2013 invalid
 * params, 2038 real-name), including a wrong {@code Authorization: Bearer} key (1004).
 * {@code callback_url}: the challenge handshake, then status pushes.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (task ends {@code Fail} with
 * 1027), {@code [sim:task-fail]} ({@code Fail} with 1000), {@code [sim:reject-content]}
 * (1026), {@code [sim:no-credits]} (1008), {@code [sim:busy]} (1002 once per prompt),
 * {@code [sim:server-error]} (1024), {@code [sim:real-name]} (2038), {@code [sim:slow]}.
 * Knobs: {@link #failNextCreate}, {@link #failNextQuery}, {@link #failNextRetrieve},
 * {@link #forceStatus}, {@link #delayResponses}.
 */
public final class MiniMaxSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(MiniMaxSimulator.class);

    private static final String DOWNLOADS = "/download/video/";

    private final Config config;

    private final SimulatorServer server;

    private final ScheduledExecutorService ticker = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("minimax-simulator-callbacks").factory());

    private final JsonMapper json = JsonMapper.builder().build();

    private final MiniMaxAccount account;

    private final MiniMaxCallbacks callbacks = new MiniMaxCallbacks(json);

    private volatile Duration responseDelay = Duration.ZERO;

    private MiniMaxSimulator(Config config) {
        this.config = config;
        this.account = new MiniMaxAccount(config);
        this.server = SimulatorServer.bind("MiniMax", config.port(), this::handle);
    }

    public static MiniMaxSimulator start(Config config) {
        MiniMaxSimulator simulator = new MiniMaxSimulator(config);
        simulator.server.start();
        simulator.ticker.scheduleWithFixedDelay(simulator::pushCallbacks, 50, 50, TimeUnit.MILLISECONDS);
        log.info("minimax simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey(Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "minimax";
    }

    @Override
    public String baseUrl() {
        return server.origin();
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.minimax.base-url", baseUrl(), "gateway.providers.minimax.api-key",
                config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("MINIMAX_API_KEY");
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

    public void failNextCreate(MiniMaxError error) {
        account.createFailures.add(error);
    }

    public void failNextQuery(MiniMaxError error) {
        account.queryFailures.add(error);
    }

    public void failNextRetrieve(MiniMaxError error) {
        account.retrieveFailures.add(error);
    }

    public void forceStatus(String taskId, String rawStatus) {
        account.forceStatus(taskId, rawStatus);
    }

    public void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    /** Every authenticated create body, in order. */
    public List<String> createRequests() {
        return account.createRequests();
    }

    public int createdTaskCount() {
        return account.createdTaskCount();
    }

    private void pushCallbacks() {
        try {
            callbacks.pushDue(account, config.clock().instant());
        }
        catch (RuntimeException e) {
            log.warn("minimax simulator could not push callbacks", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(DOWNLOADS)) {
                serveFile(exchange, path.substring(DOWNLOADS.length()), query);
                return;
            }
            try {
                JsonNode answer = route(exchange, path, query);
                delay();
                send(exchange, 200, answer, null);
            }
            catch (MiniMaxError.Answer answer) {
                delay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, MiniMaxError.invalidParams("body is not valid JSON"));
            }
            catch (RuntimeException e) {
                log.error("minimax simulator failed path={}", path, e);
                sendError(exchange, MiniMaxError.internal());
            }
        }
    }

    private JsonNode route(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        if (!("Bearer " + config.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw MiniMaxError.authFailed().answer();
        }
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && "/v1/video_generation".equals(path)) {
            MiniMaxTask task = account.create(Exchanges.bodyText(exchange), json);
            callbacks.challenge(task);
            ObjectNode body = json.createObjectNode().put("task_id", task.taskId);
            body.putObject("base_resp").put("status_code", 0).put("status_msg", "success");
            return body;
        }
        if ("GET".equals(method) && "/v1/query/video_generation".equals(path)) {
            return account.query(query.getOrDefault("task_id", ""), json);
        }
        if ("GET".equals(method) && "/v1/files/retrieve".equals(path)) {
            return account.retrieve(query.getOrDefault("file_id", ""), json, baseUrl() + DOWNLOADS);
        }
        throw new MiniMaxError(404, 0, "not found", null).answer();
    }

    private void serveFile(HttpExchange exchange, String name, Map<String, String> query) throws IOException {
        long expires;
        try {
            expires = Long.parseLong(query.getOrDefault("Expires", "-1"));
        }
        catch (NumberFormatException e) {
            expires = -1;
        }
        boolean ok = name.endsWith(".mp4") && account.fileAvailable(name.substring(0, name.length() - 4), expires);
        byte[] body = ok ? tinyMp4() : "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            .getBytes(StandardCharsets.UTF_8);
        Exchanges.send(exchange, ok ? 200 : 403, ok ? "video/mp4" : "application/xml", body);
    }

    static byte[] tinyMp4() {
        return SampleMedia.mp4("isommp41", false, "hailuo!!");
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private void delay() {
        Pause.sleep(responseDelay);
    }

    private void sendError(HttpExchange exchange, MiniMaxError error) throws IOException {
        if (error.httpStatus() != 200) {
            byte[] body = ("<html><body>" + error.httpStatus() + " error</body></html>")
                .getBytes(StandardCharsets.UTF_8);
            Exchanges.send(exchange, error.httpStatus(), "text/html", body);
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("base_resp").put("status_code", error.code()).put("status_msg", error.message());
        send(exchange, 200, body, error.retryAfter());
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(body), retryAfter);
    }

    /**
     * @param port the port (0 = free)
     * @param apiKey the key the simulator accepts as {@code Authorization: Bearer}
     * @param queuedFor how long a task is {@code Preparing} (first half) and
     * {@code Queueing} (second half)
     * @param processingFor how long a task is {@code Processing}
     * @param urlLifetime how long a {@code download_url} works (the Video Agent doc: 9
     * hours)
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration processingFor, Duration urlLifetime,
            Clock clock) {

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || queuedFor.isNegative() || processingFor.isNegative() || urlLifetime.isNegative()) {
                throw new IllegalArgumentException("invalid MiniMax simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, "sim-minimax-api-key", Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofHours(9), Clock.systemUTC());
        }

        public Config withApiKey(String key) {
            return new Config(port, key, queuedFor, processingFor, urlLifetime, clock);
        }

        public Config withTimings(Duration queued, Duration processing) {
            return new Config(port, apiKey, queued, processing, urlLifetime, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, apiKey, queuedFor, processingFor, urlLifetime, newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", processingFor=" + processingFor
                    + ", urlLifetime=" + urlLifetime + "]";
        }
    }

}
