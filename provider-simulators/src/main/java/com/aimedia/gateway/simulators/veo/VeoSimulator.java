package com.aimedia.gateway.simulators.veo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * A local HTTP server that speaks Veo's long-running operations as docs/providers/veo.md
 * documents them.
 *
 * <h2>Gemini API (base {@code <host>/v1beta}, header {@code x-goog-api-key})</h2>
 * {@code POST /models/{model}:predictLongRunning} answers
 * {@code {"name":"models/{model}/operations/{id}"}}; {@code GET /{name}} answers the
 * operation ({@code done} absent while running); samples carry {@code video.uri} =
 * {@code <base>/files/{id}:download?alt=media}, which needs the API key too. A wrong key
 * is HTTP 400 {@code INVALID_ARGUMENT} with reason {@code API_KEY_INVALID} (as Google
 * answers); no key is 403. Vertex-only parameters ({@code seed}, {@code generateAudio},
 * {@code storageUri}) are refused with 400.
 *
 * <h2>Vertex AI (base {@code <host>/v1}, {@code Authorization: Bearer <token>})</h2>
 * {@code POST
 * /projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning} and
 * {@code :fetchPredictOperation} with {@code {"operationName":..}}; samples are
 * {@code response.videos[]} with inline {@code bytesBase64Encoded} (no
 * {@code storageUri}). A wrong token is 401 {@code UNAUTHENTICATED}.
 *
 * <h2>Prompt markers</h2> {@code [sim:content-policy]} (done, zero samples,
 * {@code raiMediaFilteredCount}), {@code [sim:op-error]} (done with {@code error}),
 * {@code [sim:no-credits]} (403 {@code BILLING_DISABLED}), {@code [sim:busy]} (429
 * {@code RESOURCE_EXHAUSTED} once per prompt), {@code [sim:server-error]} (500
 * {@code INTERNAL}). Knobs: {@link #failNextSubmit}, {@link #failNextGet},
 * {@link #forceDone}, {@link #delayResponses}.
 */
public final class VeoSimulator implements ProviderSimulator {

    public static final Set<String> MODELS = Set.of("veo-2.0-generate-001", "veo-2.0-generate-exp",
            "veo-3.0-generate-preview", "veo-3.0-fast-generate-preview", "veo-3.0-generate-001",
            "veo-3.0-fast-generate-001", "veo-3.1-generate-preview", "veo-3.1-fast-generate-preview");

    public static final Set<String> VERTEX_ONLY_MODELS = Set.of("veo-3.1-generate-001", "veo-3.1-fast-generate-001",
            "veo-3.1-lite-generate-001");

    private static final Logger log = LoggerFactory.getLogger(VeoSimulator.class);

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final VeoAccount account;

    private volatile Duration responseDelay = Duration.ZERO;

    private VeoSimulator(Config config) {
        this.config = config;
        this.account = new VeoAccount(config);
        this.server = SimulatorServer.bind("Veo", config.port(), this::handle);
    }

    public static VeoSimulator start(Config config) {
        VeoSimulator simulator = new VeoSimulator(config);
        simulator.server.start();
        log.info("veo simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(Config.defaults()
            .withCredentials(Simulators.randomCredential(), Simulators.randomCredential())
            .withTimings(options.queuedFor(), options.runningFor()));
    }

    @Override
    public String provider() {
        return "veo";
    }

    /** The Gemini API base. */
    @Override
    public String baseUrl() {
        return server.origin() + "/v1beta";
    }

    /** The Vertex AI base (before {@code /projects/...}). */
    public String vertexBaseUrl() {
        return server.origin() + "/v1";
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.veo.base-url", baseUrl(), "gateway.providers.veo.api-key", config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("GEMINI_API_KEY");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    @Override
    public void close() {
        server.close();
    }

    public Config config() {
        return config;
    }

    public void failNextSubmit(VeoError error) {
        account.submitFailures.add(error);
    }

    public void failNextGet(VeoError error) {
        account.getFailures.add(error);
    }

    /**
     * From now on the operation reports this raw {@code done} value (a string, which no
     * client should trust).
     */
    public void forceDone(String operationName, String rawDone) {
        account.forceDone(operationName, rawDone);
    }

    public void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    /** Every authenticated submit body, in order. */
    public List<String> submitRequests() {
        return account.submitRequests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.startsWith("/v1beta/files/") && "GET".equals(exchange.getRequestMethod())) {
                    serveFile(exchange, path.substring("/v1beta/files/".length()));
                    return;
                }
                JsonNode answer = path.startsWith("/v1beta/") ? gemini(exchange, path.substring(8))
                        : path.startsWith("/v1/") ? vertex(exchange, path.substring(4))
                                : fail(VeoError.notFound("Not found: " + path));
                delay();
                send(exchange, 200, answer, null);
            }
            catch (VeoError.Answer answer) {
                delay();
                sendError(exchange, answer.error());
            }
            catch (JacksonException e) {
                sendError(exchange, VeoError.invalidArgument("Invalid JSON payload received."));
            }
            catch (RuntimeException e) {
                log.error("veo simulator failed path={}", path, e);
                sendError(exchange, VeoError.internal());
            }
        }
    }

    private JsonNode gemini(HttpExchange exchange, String rest) throws IOException {
        checkApiKey(exchange);
        if ("POST".equals(exchange.getRequestMethod()) && rest.startsWith("models/")
                && rest.endsWith(":predictLongRunning")) {
            String model = rest.substring("models/".length(), rest.length() - ":predictLongRunning".length());
            if (!MODELS.contains(model)) {
                throw VeoError
                    .notFound("models/" + model + " is not found for API version v1beta, or is not supported "
                            + "for predictLongRunning.")
                    .answer();
            }
            return account.submit("models/" + model, false, body(exchange), json);
        }
        if ("GET".equals(exchange.getRequestMethod()) && rest.contains("/operations/")) {
            return account.get(rest, json, baseUrl() + "/files/");
        }
        throw VeoError.notFound("Not found: " + rest).answer();
    }

    private JsonNode vertex(HttpExchange exchange, String rest) throws IOException {
        if (!("Bearer " + config.accessToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw VeoError.unauthenticated().answer();
        }
        int colon = rest.lastIndexOf(':');
        String resource = colon < 0 ? rest : rest.substring(0, colon);
        String verb = colon < 0 ? "" : rest.substring(colon + 1);
        String model = resource.substring(resource.lastIndexOf('/') + 1);
        if (!resource.matches("projects/[^/]+/locations/[^/]+/publishers/google/models/[^/]+")
                || !"POST".equals(exchange.getRequestMethod())) {
            throw VeoError.notFound("Not found: " + rest).answer();
        }
        if (!MODELS.contains(model) && !VERTEX_ONLY_MODELS.contains(model)) {
            throw VeoError.notFound("Publisher Model `" + resource + "` not found.").answer();
        }
        return switch (verb) {
            case "predictLongRunning" -> account.submit(resource, true, body(exchange), json);
            case "fetchPredictOperation" -> account.get(body(exchange).path("operationName").asString(""), json, "");
            default -> throw VeoError.notFound("Not found: " + rest).answer();
        };
    }

    private void checkApiKey(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        if (key == null || key.isBlank()) {
            throw new VeoError(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without "
                    + "established identity). Please use API Key or other form of API consumer identity to call this API.")
                .answer();
        }
        if (!config.apiKey().equals(key)) {
            throw VeoError.apiKeyInvalid().answer();
        }
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        checkApiKey(exchange);
        String fileId = name.endsWith(":download") ? name.substring(0, name.length() - ":download".length()) : "";
        if (!account.hasFile(fileId.replaceAll("-\\d+$", ""))) {
            throw VeoError.notFound("File " + fileId + " not found.").answer();
        }
        byte[] video = tinyMp4();
        Exchanges.send(exchange, 200, "video/mp4", video);
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        return json.readTree(exchange.getRequestBody().readAllBytes());
    }

    private static JsonNode fail(VeoError error) {
        throw error.answer();
    }

    static byte[] tinyMp4() {
        return SampleMedia.mp4("isommp41", false, "veo");
    }

    private void delay() {
        Pause.sleep(responseDelay);
    }

    private void sendError(HttpExchange exchange, VeoError error) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode inner = body.putObject("error");
        inner.put("code", error.httpStatus()).put("message", error.message()).put("status", error.status());
        if (error.reason() != null) {
            inner.putArray("details")
                .addObject()
                .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                .put("reason", error.reason())
                .put("domain", "googleapis.com");
        }
        if (error.retryAfter() != null) {
            inner.withArray("details")
                .addObject()
                .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                .put("retryDelay", error.retryAfter().toSeconds() + "s");
        }
        send(exchange, error.httpStatus(), body, null);
    }

    private void send(HttpExchange exchange, int status, JsonNode body, @Nullable Duration retryAfter)
            throws IOException {
        Exchanges.send(exchange, status, "application/json; charset=UTF-8", json.writeValueAsBytes(body));
    }

    /**
     * @param port the port (0 = free)
     * @param apiKey the Gemini API key the simulator accepts
     * @param accessToken the Vertex OAuth access token the simulator accepts
     * @param queuedFor plus {@code runningFor}: how long an operation runs before
     * {@code done}
     * @param runningFor see above
     * @param clock the simulator's time
     */
    public record Config(int port, String apiKey, String accessToken, Duration queuedFor, Duration runningFor,
            Clock clock) {

        public Config {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(accessToken, "accessToken");
        }

        public static Config defaults() {
            return new Config(0, "sim-veo-api-key", "sim-vertex-token", Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Clock.systemUTC());
        }

        public Config withCredentials(String key, String token) {
            return new Config(port, key, token, queuedFor, runningFor, clock);
        }

        public Config withTimings(Duration queued, Duration running) {
            return new Config(port, apiKey, accessToken, queued, running, clock);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", apiKey=***, accessToken=***, queuedFor=" + queuedFor + ", runningFor="
                    + runningFor + "]";
        }
    }

}
