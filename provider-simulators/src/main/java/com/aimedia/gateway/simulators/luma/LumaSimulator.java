package com.aimedia.gateway.simulators.luma;

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

/**
 * A local HTTP server that speaks the Luma Dream Machine API as docs/providers/luma.md
 * documents it.
 *
 * <h2>API</h2> (base {@code /dream-machine/v1}, every call needs
 * {@code Authorization: Bearer <key>}, else 401 {@code {"detail":..}})
 * <ul>
 * <li>{@code POST /generations/video} (and the legacy alias {@code POST /generations}),
 * {@code POST /generations/image}: HTTP 201 with the Generation {@code {id,
 * generation_type, state, failure_reason, created_at, model, assets, request}}. An image
 * with {@code sync: true} comes back already {@code completed}.</li>
 * <li>{@code GET /generations/{id}}: the Generation; unknown id: 404.</li>
 * <li>{@code DELETE /generations/{id}}: 204, the generation is gone (one still queued or
 * dreaming stops and counts in {@link #jobsCancelled()}); unknown id: 404.</li>
 * <li>{@code GET /files/<id>.<mp4|jpg|png>} (outside the API prefix, like Luma's CDN):
 * the result, no auth.</li>
 * </ul>
 * States: {@code queued} ({@link Config#queuedFor()}), {@code dreaming}
 * ({@link Config#dreamingFor()}), then {@code completed} with
 * {@code assets.video}/{@code assets.image}, or {@code failed} with
 * {@code failure_reason}. With {@code callback_url} the Generation is POSTed on
 * {@code dreaming} and on the final state (3 retries). Concurrency per kind (Build tier:
 * Ray 10, Photon 40); over it: 429. Bad bodies: 400 with Luma's messages.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (failed: "Advanced prompt
 * moderation failed"), {@code [sim:job-failed]} (failed: "Job failed"),
 * {@code [sim:bad-frames]} (failed: "Failed to read user input frames"),
 * {@code [sim:no-credits]} (create 402), {@code [sim:busy]} (create 429 once per prompt),
 * {@code [sim:server-error]} (create 500), {@code [sim:slow]} (timings times
 * {@link Config#slowFactor()}). Knobs: {@link #failNextCreate}, {@link #failNextGet},
 * {@link #answerNextGetFailed}, {@link #forceState}, {@link #delayResponses},
 * {@link #creates()}, {@link #generationCount()}.
 */
public final class LumaSimulator implements ProviderSimulator {

    /** The API's path prefix, part of the base URL as with the real host. */
    public static final String PREFIX = "/dream-machine/v1";

    private static final Logger log = LoggerFactory.getLogger(LumaSimulator.class);

    private static final String GENERATIONS = PREFIX + "/generations";

    private static final String FILES = "/files/";

    /** The result video: an MP4-shaped body whose {@code mdat} names the simulator. */
    private static final byte[] VIDEO = SampleMedia.mp4("isomiso2", true, "luma-sim");

    private final Config config;

    private final SimulatorServer server;

    private final LumaCallbacks callbacks = new LumaCallbacks();

    private final JsonMapper json = JsonMapper.builder().build();

    private final LumaAccount account;

    private volatile Duration responseDelay = Duration.ZERO;

    private LumaSimulator(Config config) {
        this.config = config;
        this.server = SimulatorServer.bind("Luma", config.port(), this::handle);
        this.account = new LumaAccount(config, () -> server.origin(), callbacks, json);
    }

    public static LumaSimulator start(Config config) {
        LumaSimulator simulator = new LumaSimulator(config);
        simulator.server.start();
        log.info("luma simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    /**
     * The simulator as the embedded default runs it: free port, a random key, the given
     * timings.
     */
    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey("luma-" + Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "luma";
    }

    @Override
    public String baseUrl() {
        return server.origin() + PREFIX;
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.luma.base-url", baseUrl(), "gateway.providers.luma.api-key", config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        // provider-workers.yml maps it to gateway.providers.luma.api-key
        return List.of("LUMAAI_API_KEY");
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
        callbacks.close();
    }

    public void failNextCreate(LumaError error) {
        account.failNextCreate(error);
    }

    public void failNextGet(LumaError error) {
        account.failNextGet(error);
    }

    /**
     * The next GET answers HTTP 200 with the generation {@code failed} for this reason
     * (an error inside a 200).
     */
    public void answerNextGetFailed(String failureReason) {
        account.answerNextGetFailed(failureReason);
    }

    /** From now on the generation reports this raw {@code state}, documented or not. */
    public void forceState(String id, String rawState) {
        account.forceState(id, rawState);
    }

    public void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    public int generationCount() {
        return account.generationCount();
    }

    /** Every authenticated create request, accepted or not, in order. */
    public List<RecordedCreate> creates() {
        return account.creates();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()));
                return;
            }
            try {
                Routed routed = route(exchange, path);
                delay();
                if (routed.body() == null) {
                    exchange.sendResponseHeaders(routed.status(), -1);
                }
                else {
                    send(exchange, routed.status(), json.writeValueAsBytes(routed.body()), null);
                }
            }
            catch (LumaError.Answer answer) {
                delay();
                LumaError error = answer.error();
                send(exchange, error.httpStatus(),
                        json.writeValueAsBytes(json.createObjectNode().put("detail", error.detail())),
                        error.retryAfter());
            }
            catch (JacksonException e) {
                send(exchange, 400, json.writeValueAsBytes(json.createObjectNode().put("detail", "Invalid JSON body")),
                        null);
            }
            catch (RuntimeException e) {
                log.error("luma simulator failed path={}", path, e);
                send(exchange, 500,
                        json.writeValueAsBytes(json.createObjectNode().put("detail", "Internal server error")), null);
            }
        }
    }

    private record Routed(int status, @Nullable JsonNode body) {
    }

    private Routed route(HttpExchange exchange, String path) throws IOException {
        if (!path.startsWith(PREFIX + "/")) {
            throw new LumaError(404, "Not Found").answer();
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + config.apiKey())) {
            throw LumaError.unauthorized().answer();
        }
        String method = exchange.getRequestMethod();
        if ("POST".equals(method)) {
            String type = switch (path) {
                case GENERATIONS, GENERATIONS + "/video" -> "video";
                case GENERATIONS + "/image" -> "image";
                default -> throw new LumaError(404, "Not Found").answer();
            };
            String body = Exchanges.bodyText(exchange);
            return new Routed(201, account.create(type, path, body));
        }
        String rest = path.startsWith(GENERATIONS + "/") ? path.substring(GENERATIONS.length() + 1) : "";
        if ("GET".equals(method) && !rest.isEmpty() && !rest.contains("/")) {
            return new Routed(200, account.get(rest));
        }
        if ("DELETE".equals(method) && !rest.isEmpty() && !rest.contains("/")) {
            account.delete(rest);
            return new Routed(204, null);
        }
        throw new LumaError(404, "Not Found").answer();
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        LumaGeneration generation = dot > 0 ? account.completedFile(name.substring(0, dot)) : null;
        byte[] content = generation != null && generation.extension().equals(name.substring(dot + 1))
                ? SampleMedia.byExtension(generation.extension(), VIDEO) : null;
        if (content == null || generation == null) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        Exchanges.send(exchange, 200, SampleMedia.contentType(generation.extension()), content);
    }

    private void delay() {
        Pause.sleep(responseDelay);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json", body, retryAfter);
    }

    /** An authenticated create request as received. */
    public record RecordedCreate(String path, String body) {
    }

    /**
     * @param port 0 = a free port
     * @param apiKey the key the simulator accepts
     * @param queuedFor how long a generation stays {@code queued}
     * @param dreamingFor how long it stays {@code dreaming}
     * @param videoConcurrency Ray generations in flight before a create answers 429
     * @param imageConcurrency Photon generations in flight before a create answers 429
     * @param slowFactor how much longer a {@code [sim:slow]} generation takes
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration dreamingFor, int videoConcurrency,
            int imageConcurrency, int slowFactor, Clock clock) {

        public static final String DEFAULT_API_KEY = "luma-sim-api-key";

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || videoConcurrency < 1 || imageConcurrency < 1 || slowFactor < 1 || queuedFor.isNegative()
                    || dreamingFor.isNegative()) {
                throw new IllegalArgumentException("invalid Luma simulator config");
            }
        }

        /**
         * Build-tier limits (Ray 10, Photon 40 concurrent), queued ~1 s, dreaming ~2 s.
         */
        public static Config defaults() {
            return new Config(0, DEFAULT_API_KEY, Duration.ofSeconds(1), Duration.ofSeconds(2), 10, 40, 5,
                    Clock.systemUTC());
        }

        public Config withApiKey(String key) {
            return new Config(port, key, queuedFor, dreamingFor, videoConcurrency, imageConcurrency, slowFactor, clock);
        }

        public Config withTimings(Duration queued, Duration dreaming) {
            return new Config(port, apiKey, queued, dreaming, videoConcurrency, imageConcurrency, slowFactor, clock);
        }

        public Config withVideoConcurrency(int limit) {
            return new Config(port, apiKey, queuedFor, dreamingFor, limit, imageConcurrency, slowFactor, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, apiKey, queuedFor, dreamingFor, videoConcurrency, imageConcurrency, slowFactor,
                    newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", dreamingFor=" + dreamingFor
                    + "]";
        }
    }

}
