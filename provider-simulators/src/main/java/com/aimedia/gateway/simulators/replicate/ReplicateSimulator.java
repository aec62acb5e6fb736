package com.aimedia.gateway.simulators.replicate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.ProviderSimulator;
import com.aimedia.gateway.simulators.SimulatorOptions;
import com.aimedia.gateway.simulators.Simulators;
import com.aimedia.gateway.simulators.support.Exchanges;
import com.aimedia.gateway.simulators.support.SampleMedia;
import com.aimedia.gateway.simulators.support.SimulatorServer;
import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Replicate HTTP API as docs/providers/replicate.md documents it: {@code POST
 * /v1/models/{owner}/{name}/predictions} (official models), {@code POST /v1/predictions}
 * with {@code version}, {@code GET /v1/predictions/{id}}, {@code POST
 * /v1/predictions/{id}/cancel}; {@code Authorization: Bearer <token>} (else 401);
 * {@code Prefer: wait[=N]} holds the create answer until the prediction finishes or N
 * seconds (max 60) pass; webhooks signed with Standard Webhooks; outputs at
 * {@code /files/...} (no auth, like replicate.delivery), deleted after
 * {@link Config#retention()} ({@code data_removed: true}).
 *
 * <p>
 * Prompt markers ({@code input.prompt}): {@code [sim:content-policy]} (fails with an NSFW
 * error), {@code [sim:model-error]} (fails), {@code [sim:aborted]},
 * {@code [sim:long-running]} (processing for 30 minutes), {@code [sim:output-string]}
 * (output is one URL string, else an array), {@code [sim:no-credits]} (402),
 * {@code [sim:busy]} (429), {@code [sim:server-error]} (500). A model whose owner is
 * {@code missing} answers 404.
 */
public final class ReplicateSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(ReplicateSimulator.class);

    private static final Pattern MODEL_CREATE = Pattern.compile("/v1/models/([^/]+)/([^/]+)/predictions");

    private static final Pattern PREDICTION = Pattern.compile("/v1/predictions/([a-z0-9]+)(/cancel)?");

    private static final Pattern WAIT = Pattern.compile("wait(?:=(\\d+))?");

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final ReplicateAccount account;

    private final ReplicateWebhooks webhooks;

    private ReplicateSimulator(Config config) {
        this.config = config;
        this.account = new ReplicateAccount(config);
        this.webhooks = new ReplicateWebhooks(config.webhookSecret(), config.clock());
        this.server = SimulatorServer.bindFreePort("Replicate", this::handle);
    }

    public static ReplicateSimulator start(Config config) {
        ReplicateSimulator simulator = new ReplicateSimulator(config);
        simulator.server.start();
        log.info("replicate simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withToken(Simulators.randomCredential())
            .withWebhookSecret(Config.randomSecret())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "replicate";
    }

    @Override
    public String baseUrl() {
        return server.origin() + "/v1";
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.replicate.base-url", baseUrl(), "gateway.providers.replicate.api-token",
                config.apiToken(), "gateway.providers.replicate.webhook-secret", config.webhookSecret());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("REPLICATE_API_TOKEN");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    @Override
    public long jobsCancelled() {
        return account.jobsCancelled();
    }

    public Config config() {
        return config;
    }

    public void failNextCreate(ReplicateError error) {
        account.failNextCreate(error);
    }

    public void failNextGet(ReplicateError error) {
        account.failNextGet(error);
    }

    /** The next {@code GET /v1/predictions/{id}} answers HTTP 200 with this raw body. */
    public void answerNextGet(String raw) {
        account.answerNextGet(raw);
    }

    public void forceStatus(String predictionId, String rawStatus) {
        account.find(predictionId).orElseThrow().force(rawStatus);
    }

    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    public List<RecordedRequest> requests() {
        return account.requests();
    }

    public int createdCount() {
        return account.createdCount();
    }

    @Override
    public void close() {
        server.close();
        webhooks.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = Exchanges.bodyText(exchange);
            account.record(new RecordedRequest(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Prefer"), body));
            if (path.startsWith("/files/")) {
                serveFile(exchange, path);
                return;
            }
            try {
                if (!("Bearer " + config.apiToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    throw ReplicateError.unauthenticated().answer();
                }
                Answer answer = route(exchange, path, body);
                account.sleepConfiguredDelay();
                send(exchange, answer.status(), answer.body(), null);
            }
            catch (ReplicateError.Answer answer) {
                account.sleepConfiguredDelay();
                ReplicateError error = answer.error();
                ObjectNode node = json.createObjectNode();
                node.put("title", error.title());
                node.put("detail", error.detail());
                node.put("status", error.httpStatus());
                send(exchange, error.httpStatus(), json.writeValueAsString(node), error.retryAfter());
            }
            catch (JacksonException e) {
                send(exchange, 400, "{\"title\":\"Bad request\",\"detail\":\"Invalid JSON\",\"status\":400}", null);
            }
            catch (RuntimeException e) {
                log.error("replicate simulator failed path={}", path, e);
                send(exchange, 500,
                        "{\"title\":\"Internal Server Error\",\"detail\":\"Internal Server Error\",\"status\":500}",
                        null);
            }
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer route(HttpExchange exchange, String path, String rawBody) {
        String method = exchange.getRequestMethod();
        Matcher model = MODEL_CREATE.matcher(path);
        if ("POST".equals(method) && model.matches()) {
            return created(exchange,
                    account.create(model.group(1) + "/" + model.group(2), null, json.readTree(rawBody)));
        }
        if ("POST".equals(method) && "/v1/predictions".equals(path)) {
            JsonNode body = json.readTree(rawBody);
            String version = body.path("version").asString("");
            Matcher valid = ReplicateAccount.VERSION.matcher(version);
            if (!valid.matches()) {
                throw new ReplicateError(422, "Invalid version", "Invalid version or not permitted").answer();
            }
            String owner = version.contains(":") ? version.substring(0, version.indexOf(':')) : "sim-owner/sim-model";
            return created(exchange, account.create(owner, valid.group(1), body));
        }
        Matcher prediction = PREDICTION.matcher(path);
        if (prediction.matches() && "GET".equals(method) && prediction.group(2) == null) {
            String armed = account.armedGetBody();
            if (armed != null) {
                return new Answer(200, armed);
            }
            return new Answer(200,
                    render(account.get(prediction.group(1)).orElseThrow(() -> ReplicateError.notFound().answer())));
        }
        if (prediction.matches() && "POST".equals(method) && prediction.group(2) != null) {
            Prediction found = account.cancel(prediction.group(1))
                .orElseThrow(() -> ReplicateError.notFound().answer());
            return new Answer(200, render(found));
        }
        throw ReplicateError.notFound().answer();
    }

    private Answer created(HttpExchange exchange, Prediction prediction) {
        webhooks.schedule(prediction, this::render);
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        Matcher wait = prefer == null ? null : WAIT.matcher(prefer.trim());
        if (wait != null && wait.matches()) {
            long seconds = wait.group(1) == null ? 60 : Math.min(60, Long.parseLong(wait.group(1)));
            waitUntilDone(prediction, Duration.ofSeconds(seconds));
        }
        return new Answer(201, render(prediction));
    }

    /**
     * Sync mode: holds the answer in real time; a simulator thread may sleep (virtual
     * threads).
     */
    private void waitUntilDone(Prediction prediction, Duration limit) {
        Instant giveUp = Instant.now().plus(limit);
        while (!prediction.terminal(account.now()) && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String render(Prediction prediction) {
        ObjectNode node = json.createObjectNode();
        prediction.render(node, account.now(), baseUrl(), server.origin() + "/files", config.retention());
        return json.writeValueAsString(node);
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        Prediction prediction = parts.length == 4 ? account.find(parts[2]).orElse(null) : null;
        Instant now = account.now();
        boolean available = prediction != null && Prediction.SUCCEEDED.equals(prediction.status(now))
                && !now.isAfter(prediction.completesAt().plus(config.retention()));
        if (!available) {
            send(exchange, 404, "{\"detail\":\"Not found.\"}", null);
            return;
        }
        if (path.endsWith(".wav")) {
            Exchanges.send(exchange, 200, "audio/wav", SampleMedia.silentWav());
        }
        else if (path.endsWith(".mp3")) {
            Exchanges.send(exchange, 200, "audio/mpeg", SampleMedia.silentMp3());
        }
        else {
            Exchanges.send(exchange, 200, "image/png", SampleMedia.redPng());
        }
    }

    private static void send(HttpExchange exchange, int status, String body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8), retryAfter);
    }

    /** A request as received ({@code prefer} is the {@code Prefer} header or null). */
    public record RecordedRequest(String method, String path, @Nullable String prefer, String body) {
    }

    /**
     * @param apiToken the token {@code Authorization: Bearer} must carry
     * @param webhookSecret the account's webhook signing secret ({@code whsec_<base64>})
     * @param retention how long outputs stay (1 hour at Replicate)
     */
    public record Config(String apiToken, String webhookSecret, Duration queuedFor, Duration runningFor,
            Duration retention, Clock clock) {

        public static Config defaults() {
            return new Config("sim-replicate-token", randomSecret(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofHours(1), Clock.systemUTC());
        }

        public static String randomSecret() {
            byte[] key = new byte[24];
            new SecureRandom().nextBytes(key);
            return "whsec_" + Base64.getEncoder().encodeToString(key);
        }

        public Config withToken(String token) {
            return new Config(token, webhookSecret, queuedFor, runningFor, retention, clock);
        }

        public Config withWebhookSecret(String secret) {
            return new Config(apiToken, secret, queuedFor, runningFor, retention, clock);
        }

        public Config withTimings(Duration queued, Duration running) {
            return new Config(apiToken, webhookSecret, queued, running, retention, clock);
        }

        public Config withRetention(Duration newRetention) {
            return new Config(apiToken, webhookSecret, queuedFor, runningFor, newRetention, clock);
        }

        @Override
        public String toString() {
            return "Config[apiToken=***, webhookSecret=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor
                    + "]";
        }
    }

}
