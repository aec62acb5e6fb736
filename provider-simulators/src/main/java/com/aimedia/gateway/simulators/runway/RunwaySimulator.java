package com.aimedia.gateway.simulators.runway;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that speaks the Runway developer API as docs/providers/runway.md
 * document it.
 *
 * <h2>API</h2> Every {@code /v1} call needs {@code Authorization: Bearer <key>} (else
 * 401) and {@code X-Runway-Version: 2024-11-06} (else 400). Errors are JSON with an
 * {@code error} member.
 * <ul>
 * <li>{@code POST /v1/image_to_video} ({@code gen4_turbo}; {@code gen3a_turbo} only when
 * {@link Config#gen3aTurboAccepted()}, else refused like any model missing from the
 * schema), {@code POST
 * /v1/text_to_image} ({@code gen4_image}, {@code gen4_image_turbo}): {@code {"id":
 * "<uuid>"}}.</li>
 * <li>{@code GET /v1/tasks/{id}}: {@code PENDING}, {@code THROTTLED} (organization over
 * its concurrency: accepted and held), {@code RUNNING} with {@code progress},
 * {@code SUCCEEDED} with {@code output[]}, {@code FAILED} with
 * {@code failure}/{@code failureCode}, {@code CANCELLED}. {@code DELETE} cancels or
 * deletes.</li>
 * <li>{@code GET /files/<id>.<mp4|png>?exp=<epoch s>}: the output; each poll hands out a
 * fresh URL that expires after {@link Config#urlLifetime()} (Runway: 24-48 h), then
 * 403.</li>
 * </ul>
 *
 * <h2>Prompt markers</h2> (in {@code promptText}) {@code [sim:content-policy]} (FAILED
 * SAFETY.INPUT.TEXT), {@code [sim:output-moderation]} (FAILED SAFETY.OUTPUT.VIDEO),
 * {@code [sim:bad-output]} (FAILED INTERNAL.BAD_OUTPUT.CODE01), {@code [sim:busy]}
 * (THROTTLED first), {@code [sim:no-credits]} (400, not enough credits),
 * {@code [sim:daily-limit]} (429), {@code [sim:server-error]} (502), {@code [sim:slow]}.
 * Knobs: {@link #failNextCreate}, {@link #failNextGet}, {@link #answerNextGetFailed},
 * {@link #forceStatus}, {@link #delayResponses}, {@link #creates()},
 * {@link #taskCount()}.
 */
public final class RunwaySimulator implements ProviderSimulator {

    public static final String API_VERSION = "2024-11-06";

    private static final Logger log = LoggerFactory.getLogger(RunwaySimulator.class);

    private static final String TASKS = "/v1/tasks/";

    private static final String FILES = "/files/";

    /** The result video: an MP4-shaped body whose {@code mdat} names the simulator. */
    private static final byte[] VIDEO = SampleMedia.mp4("isomiso2", true, "runway-s");

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final RunwayAccount account;

    private volatile Duration responseDelay = Duration.ZERO;

    private RunwaySimulator(Config config) {
        this.config = config;
        this.server = SimulatorServer.bind("Runway", config.port(), this::handle);
        this.account = new RunwayAccount(config, this::baseUrl, json);
    }

    public static RunwaySimulator start(Config config) {
        RunwaySimulator simulator = new RunwaySimulator(config);
        simulator.server.start();
        log.info("runway simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    /**
     * The simulator as the embedded default runs it: free port, a random key, the given
     * timings.
     */
    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey("key_" + Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "runway";
    }

    @Override
    public String baseUrl() {
        return server.origin();
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.runway.base-url", baseUrl(), "gateway.providers.runway.api-key",
                config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        // provider-workers.yml maps it to gateway.providers.runway.api-key
        return List.of("RUNWAYML_API_SECRET");
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

    public void failNextCreate(RunwayError error) {
        account.failNextCreate(error);
    }

    public void failNextGet(RunwayError error) {
        account.failNextGet(error);
    }

    /**
     * The next task GET answers HTTP 200 with status FAILED and this code (an error
     * inside a 200).
     */
    public void answerNextGetFailed(String failure, String failureCode) {
        account.answerNextGetFailed(new RunwayTask.Failure(failure, failureCode));
    }

    /** From now on the task reports this raw {@code status}, documented or not. */
    public void forceStatus(String id, String rawStatus) {
        account.forceStatus(id, rawStatus);
    }

    public void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    public int taskCount() {
        return account.taskCount();
    }

    public List<RecordedCreate> creates() {
        return account.creates();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(FILES)) {
                serveFile(exchange, path.substring(FILES.length()), exchange.getRequestURI().getQuery());
                return;
            }
            try {
                ObjectNode body = route(exchange, path);
                delay();
                send(exchange, body == null ? 204 : 200, body, null);
            }
            catch (RunwayError.Answer answer) {
                delay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, RunwayError.validation("body", "Expected a JSON object"));
            }
            catch (RuntimeException e) {
                log.error("runway simulator failed path={}", path, e);
                sendError(exchange, new RunwayError(500, "Internal server error"));
            }
        }
    }

    private @Nullable ObjectNode route(HttpExchange exchange, String path) throws IOException {
        if (!path.startsWith("/v1/")) {
            throw new RunwayError(404, "Not found").answer();
        }
        if (!("Bearer " + config.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw RunwayError.unauthorized().answer();
        }
        if (!API_VERSION.equals(exchange.getRequestHeaders().getFirst("X-Runway-Version"))) {
            throw new RunwayError(400, "The X-Runway-Version header is missing or invalid; use " + API_VERSION)
                .answer();
        }
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && (path.equals("/v1/image_to_video") || path.equals("/v1/text_to_image"))) {
            String body = Exchanges.bodyText(exchange);
            return account.create(path.substring(4), path, body);
        }
        String id = path.startsWith(TASKS) ? path.substring(TASKS.length()) : "";
        if (!id.isEmpty() && !id.contains("/") && "GET".equals(method)) {
            return account.get(id);
        }
        if (!id.isEmpty() && !id.contains("/") && "DELETE".equals(method)) {
            account.delete(id);
            return null;
        }
        throw new RunwayError(404, "Not found").answer();
    }

    private void serveFile(HttpExchange exchange, String name, @Nullable String query) throws IOException {
        int dot = name.lastIndexOf('.');
        long expires = -1;
        if (query != null && query.startsWith("exp=")) {
            try {
                expires = Long.parseLong(query.substring(4));
            }
            catch (NumberFormatException ignored) {
                expires = -1;
            }
        }
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        int status = dot > 0 ? account.fileStatus(name.substring(0, dot), extension, expires) : 404;
        byte[] content = status == 200 ? SampleMedia.byExtension(extension, VIDEO) : null;
        if (content == null) {
            byte[] body = (status == 403 ? "Request has expired" : "Not found").getBytes(StandardCharsets.UTF_8);
            Exchanges.send(exchange, status == 200 ? 404 : status, "text/plain", body);
            return;
        }
        Exchanges.send(exchange, 200, SampleMedia.contentType(extension), content);
    }

    private void sendError(HttpExchange exchange, RunwayError error) throws IOException {
        ObjectNode body = json.createObjectNode().put("error", error.error());
        if (!error.issues().isEmpty()) {
            ArrayNode issues = body.putArray("issues");
            for (RunwayError.Issue issue : error.issues()) {
                ObjectNode node = issues.addObject();
                issue.path().forEach(node.putArray("path")::add);
                node.put("message", issue.message());
            }
        }
        send(exchange, error.httpStatus(), body, error.retryAfter());
    }

    private void delay() {
        Pause.sleep(responseDelay);
    }

    private void send(HttpExchange exchange, int status, @Nullable ObjectNode body, @Nullable Duration retryAfter)
            throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        Exchanges.send(exchange, status, "application/json", bytes);
    }

    /** An authenticated create request as received. */
    public record RecordedCreate(String path, String body) {
    }

    /**
     * @param port 0 = a free port
     * @param apiKey the key the simulator accepts
     * @param queuedFor how long a task stays PENDING
     * @param runningFor how long it stays RUNNING
     * @param concurrencyLimit tasks in flight before new tasks are THROTTLED
     * @param urlLifetime how long an output URL works after the poll that handed it out
     * @param gen3aTurboAccepted whether {@code gen3a_turbo} is still accepted (by default
     * it is refused: it left Runway's public schema in June 2026 and
     * docs/providers/runway.md could not confirm the live API still takes it)
     * @param slowFactor how much longer a {@code [sim:slow]} task takes
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, Duration queuedFor, Duration runningFor, int concurrencyLimit,
            Duration urlLifetime, boolean gen3aTurboAccepted, int slowFactor, Clock clock) {

        public static final String DEFAULT_API_KEY = "key_sim-runway-api-key";

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            if (port < 0 || concurrencyLimit < 1 || slowFactor < 1 || queuedFor.isNegative() || runningFor.isNegative()
                    || urlLifetime.isNegative()) {
                throw new IllegalArgumentException("invalid Runway simulator config");
            }
        }

        public static Config defaults() {
            return new Config(0, DEFAULT_API_KEY, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, Duration.ofHours(24),
                    false, 5, Clock.systemUTC());
        }

        public Config withApiKey(String key) {
            return new Config(port, key, queuedFor, runningFor, concurrencyLimit, urlLifetime, gen3aTurboAccepted,
                    slowFactor, clock);
        }

        public Config withTimings(Duration queued, Duration running) {
            return new Config(port, apiKey, queued, running, concurrencyLimit, urlLifetime, gen3aTurboAccepted,
                    slowFactor, clock);
        }

        public Config withConcurrencyLimit(int limit) {
            return new Config(port, apiKey, queuedFor, runningFor, limit, urlLifetime, gen3aTurboAccepted, slowFactor,
                    clock);
        }

        public Config withUrlLifetime(Duration lifetime) {
            return new Config(port, apiKey, queuedFor, runningFor, concurrencyLimit, lifetime, gen3aTurboAccepted,
                    slowFactor, clock);
        }

        public Config withGen3aTurboAccepted(boolean accepted) {
            return new Config(port, apiKey, queuedFor, runningFor, concurrencyLimit, urlLifetime, accepted, slowFactor,
                    clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, apiKey, queuedFor, runningFor, concurrencyLimit, urlLifetime, gen3aTurboAccepted,
                    slowFactor, newClock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor
                    + ", gen3aTurboAccepted=" + gen3aTurboAccepted + "]";
        }
    }

}
