package com.aimedia.gateway.simulators.bfl;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import com.aimedia.gateway.simulators.support.SimulatorServer;
import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Black Forest Labs API as docs/providers/bfl.md documents it, on two loopback
 * servers: the <em>global</em> host ({@link #baseUrl()}, {@code .../v1}) takes
 * {@code POST /v1/<model>} and answers {@code {id, polling_url, cost, input_mp,
 * output_mp}} whose {@code polling_url} names the <em>regional</em> host (another port),
 * like BFL's region-encoding polling URLs. Only the regional host knows such a task: the
 * global host's {@code get_result} answers {@code Task not found} for it, so a client
 * must poll the returned URL. A create with {@code webhook_url} answers {@code {id,
 * status, webhook_url}} without a polling URL; that task is served by the global host and
 * the webhook is POSTed when it finishes. The regional host also serves the result
 * {@code sample} files, whose URLs expire after {@link Config#sampleLifetime()} (10
 * minutes at BFL) and need no key. Every API call needs {@code x-key}; else 401.
 *
 * <p>
 * Prompt markers: {@code [sim:content-policy]} (ends {@code Content Moderated}),
 * {@code [sim:request-moderated]}, {@code [sim:task-error]} (ends {@code Error}),
 * {@code [sim:no-credits]} (402), {@code [sim:busy]} (429), {@code [sim:server-error]}
 * (500). More than {@link Config#concurrencyLimit()} pending tasks: 429.
 */
public final class BflSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(BflSimulator.class);

    private final Config config;

    private final SimulatorServer global;

    private final SimulatorServer regional;

    private final JsonMapper json = JsonMapper.builder().build();

    private final BflAccount account;

    private final BflSamples samples;

    private final BflWebhooks webhooks;

    private volatile @Nullable String pollingBaseOverride;

    private BflSimulator(Config config) {
        this.config = config;
        this.account = new BflAccount(config);
        this.samples = new BflSamples(config.clock(), config.sampleLifetime());
        this.webhooks = new BflWebhooks(json, config.clock());
        this.global = SimulatorServer.bindFreePort("BFL", exchange -> handle(exchange, false));
        this.regional = SimulatorServer.bindFreePort("BFL", exchange -> handle(exchange, true));
    }

    public static BflSimulator start(Config config) {
        BflSimulator simulator = new BflSimulator(config);
        simulator.global.start();
        simulator.regional.start();
        log.info("bfl simulator started baseUrl={} regionalHost={}", simulator.baseUrl(), simulator.regionalOrigin());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withApiKey(Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "bfl";
    }

    /** The global host's API base, with BFL's {@code /v1} prefix. */
    @Override
    public String baseUrl() {
        return global.origin() + "/v1";
    }

    /**
     * The regional host ({@code scheme://host:port}) named by polling URLs; the adapter
     * must trust it explicitly.
     */
    public String regionalOrigin() {
        return regional.origin();
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.bfl.base-url", baseUrl(), "gateway.providers.bfl.api-key", config.apiKey(),
                "gateway.providers.bfl.polling-hosts", regional.hostAndPort());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("BFL_API_KEY");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    /**
     * From now on polling URLs name this base ({@code scheme://host:port}) and tasks are
     * served globally; null resets.
     */
    public void advertisePollingBase(@Nullable String base) {
        this.pollingBaseOverride = base;
    }

    public void failNextSubmit(BflError error) {
        account.failNextSubmit(error);
    }

    public void failNextPoll(BflError error) {
        account.failNextPoll(error);
    }

    /** The next {@code get_result} answers HTTP 200 with this raw body. */
    public void answerNextPoll(String rawBody) {
        account.answerNextPoll(rawBody);
    }

    /** From now on the task reports this raw {@code status}, documented or not. */
    public void forceStatus(String taskId, String rawStatus) {
        account.forceStatus(taskId, rawStatus);
    }

    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    /** Every request any of the hosts received, in order. */
    public List<RecordedRequest> requests() {
        return account.requests();
    }

    public int createdTaskCount() {
        return account.createdTaskCount();
    }

    @Override
    public void close() {
        global.close();
        regional.close();
        webhooks.close();
    }

    private void handle(HttpExchange exchange, boolean regionalHost) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            account.record(new RecordedRequest(regionalHost ? "regional" : "global", exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("x-key"),
                    new String(body, StandardCharsets.UTF_8)));
            if (regionalHost && path.startsWith("/results/")) {
                serveSample(exchange, path);
                return;
            }
            try {
                String answer = route(exchange, path, body, regionalHost);
                account.sleepConfiguredDelay();
                send(exchange, 200, answer, null);
            }
            catch (BflError.Answer answer) {
                account.sleepConfiguredDelay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, BflError.invalid("body", "JSON decode error"));
            }
            catch (RuntimeException e) {
                log.error("bfl simulator failed path={}", path, e);
                sendError(exchange, BflError.serverError());
            }
        }
    }

    private String route(HttpExchange exchange, String path, byte[] body, boolean regionalHost) {
        if (!config.apiKey().equals(exchange.getRequestHeaders().getFirst("x-key"))) {
            throw BflError.notAuthenticated().answer();
        }
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && "/v1/get_result".equals(path)) {
            String id = query(exchange).getOrDefault("id", "");
            String armed = account.armedPollBody();
            return armed != null ? armed : json.writeValueAsString(result(id, regionalHost));
        }
        String model = path.startsWith("/v1/") ? path.substring(4) : "";
        if ("POST".equals(method) && !regionalHost && BflAccount.MODELS.contains(model)) {
            return json.writeValueAsString(create(model, json.readTree(body)));
        }
        throw new BflError(404, "Not Found").answer();
    }

    private ObjectNode create(String model, JsonNode body) {
        if (!body.isObject()) {
            throw BflError.invalid("body", "Input should be a valid dictionary").answer();
        }
        String override = pollingBaseOverride;
        BflTask task = account.create(model, body, override == null);
        webhooks.scheduleFor(task, this::sampleUrl);
        ObjectNode answer = json.createObjectNode();
        answer.put("id", task.id());
        if (task.webhookUrl() != null) {
            answer.put("status", BflTask.PENDING);
            answer.put("webhook_url", task.webhookUrl());
            return answer;
        }
        answer.put("polling_url", (override != null ? override : regionalOrigin()) + "/v1/get_result?id=" + task.id());
        answer.put("cost", 4.0);
        answer.put("input_mp", 0.0);
        answer.put("output_mp", 1.05);
        return answer;
    }

    private ObjectNode result(String id, boolean regionalHost) {
        ObjectNode answer = json.createObjectNode();
        answer.put("id", id);
        BflTask task = account.find(id, regionalHost).orElse(null);
        String status = task == null ? BflTask.TASK_NOT_FOUND
                : Objects.requireNonNullElse(account.forcedStatus(id), task.status(config.clock().instant()));
        answer.put("status", status);
        answer.putNull("result");
        answer.putNull("progress");
        answer.putNull("details");
        answer.putNull("preview");
        if (task == null) {
            return answer;
        }
        switch (status) {
            case BflTask.PENDING -> answer.put("progress", task.progress(config.clock().instant()));
            case BflTask.READY -> {
                ObjectNode result = answer.putObject("result");
                result.put("sample", sampleUrl(task));
                result.put("prompt", task.prompt());
                result.put("seed", task.seed());
            }
            case BflTask.CONTENT_MODERATED, BflTask.REQUEST_MODERATED ->
                answer.putObject("details").putArray("Moderation Reasons").add("Derivative Works Filter");
            case BflTask.ERROR -> answer.putObject("details").put("error", "Generation failed");
            default -> {
            }
        }
        return answer;
    }

    private String sampleUrl(BflTask task) {
        return regionalOrigin() + samples.signedPath(task.id(), task.outputFormat());
    }

    private void serveSample(HttpExchange exchange, String path) throws IOException {
        Map<String, String> query = query(exchange);
        String[] parts = path.split("/");
        boolean known = parts.length == 4 && account.task(parts[2]).isPresent();
        if (!known || !samples.valid(path, query.getOrDefault("se", ""), query.getOrDefault("sig", ""))) {
            // Azure Blob's answer to an expired or forged SAS URL
            send(exchange, 403, "<Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed or "
                    + "signature mismatch</Message></Error>", null, "application/xml");
            return;
        }
        String format = path.substring(path.lastIndexOf('.') + 1);
        byte[] image = BflSamples.image(format);
        Exchanges.send(exchange, 200, BflSamples.contentType(format), image);
    }

    private void sendError(HttpExchange exchange, BflError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        if (error.errorKey()) {
            body.put("error", error.detail());
        }
        else if (error.field() != null) {
            ObjectNode item = body.putArray("detail").addObject();
            item.putArray("loc").add("body").add(error.field());
            item.put("msg", error.detail());
            item.put("type", "value_error");
        }
        else {
            body.put("detail", error.detail());
        }
        send(exchange, error.httpStatus(), json.writeValueAsString(body), error.retryAfter());
    }

    private static void send(HttpExchange exchange, int status, String body, @Nullable Duration retryAfter)
            throws IOException {
        send(exchange, status, body, retryAfter, "application/json");
    }

    private static void send(HttpExchange exchange, int status, String body, @Nullable Duration retryAfter,
            String contentType) throws IOException {
        Exchanges.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8), retryAfter);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /**
     * A request as one of the hosts received it ({@code host} is {@code global} or
     * {@code regional}).
     */
    public record RecordedRequest(String host, String method, String uri, @Nullable String xKey, String body) {
    }

    /**
     * @param apiKey the key {@code x-key} must carry
     * @param queuedFor with {@code runningFor}: how long a task stays {@code Pending}
     * (BFL has no separate queued state)
     * @param sampleLifetime how long a result URL works (10 minutes at BFL)
     * @param concurrencyLimit pending tasks before a create answers 429 (24 at BFL)
     */
    public record Config(String apiKey, Duration queuedFor, Duration runningFor, Duration sampleLifetime,
            int concurrencyLimit, Clock clock) {

        public static Config defaults() {
            return new Config("sim-bfl-api-key", Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(10),
                    24, Clock.systemUTC());
        }

        public Config withApiKey(String key) {
            return new Config(key, queuedFor, runningFor, sampleLifetime, concurrencyLimit, clock);
        }

        public Config withTimings(Duration queued, Duration running) {
            return new Config(apiKey, queued, running, sampleLifetime, concurrencyLimit, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(apiKey, queuedFor, runningFor, sampleLifetime, concurrencyLimit, newClock);
        }

        @Override
        public String toString() {
            return "Config[apiKey=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor + "]";
        }
    }

}
