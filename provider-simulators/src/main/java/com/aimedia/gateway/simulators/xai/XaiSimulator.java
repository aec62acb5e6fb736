package com.aimedia.gateway.simulators.xai;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAI API as docs/providers/xai.md documents it. Images:
 * {@code POST /v1/images/generations} is synchronous and OpenAI-compatible
 * ({@code data[].url} or {@code data[].b64_json}, JPG;
 * {@code quality}/{@code size}/{@code style} refused). Video:
 * {@code POST /v1/videos/generations} answers {@code {"request_id"}}; {@code GET
 * /v1/videos/{id}} answers HTTP 200 for pending, done and failed alike.
 * {@code Authorization: Bearer <key>}, else 401. Files at {@code /files/...} need no key.
 *
 * <p>
 * Prompt markers: {@code [sim:content-policy]} (image: HTTP 200 {@code status: failed};
 * video: done with {@code respect_moderation: false} and no URL),
 * {@code [sim:task-error]} (video failed), {@code [sim:expired]} (video expired),
 * {@code [sim:no-credits]} (403 spending limit), {@code [sim:busy]} (429),
 * {@code [sim:server-error]} (500).
 */
public final class XaiSimulator implements ProviderSimulator {

    private static final Logger log = LoggerFactory.getLogger(XaiSimulator.class);

    private final Config config;

    private final SimulatorServer server;

    private final JsonMapper json = JsonMapper.builder().build();

    private final XaiAccount account;

    private XaiSimulator(Config config) {
        this.config = config;
        this.account = new XaiAccount(config);
        this.server = SimulatorServer.bindFreePort("xAI", this::handle);
    }

    public static XaiSimulator start(Config config) {
        XaiSimulator simulator = new XaiSimulator(config);
        simulator.server.start();
        log.info("xai simulator started baseUrl={}", simulator.baseUrl());
        return simulator;
    }

    public static ProviderSimulator startForGateway(SimulatorOptions options) {
        return start(new Config(Simulators.randomCredential(), options.queuedFor(), options.runningFor(),
                Clock.systemUTC()));
    }

    @Override
    public String provider() {
        return "xai";
    }

    @Override
    public String baseUrl() {
        return server.origin() + "/v1";
    }

    @Override
    public Map<String, String> workerProperties() {
        return Map.of("gateway.providers.xai.base-url", baseUrl(), "gateway.providers.xai.api-key", config.apiKey());
    }

    @Override
    public List<String> realCredentialVariables() {
        return List.of("XAI_API_KEY");
    }

    @Override
    public long jobsCreated() {
        return account.jobsCreated();
    }

    public void failNextSubmit(XaiError error) {
        account.failNextSubmit(error);
    }

    public void failNextPoll(XaiError error) {
        account.failNextPoll(error);
    }

    /** The next {@code GET /v1/videos/{id}} answers HTTP 200 with this raw body. */
    public void answerNextPoll(String raw) {
        account.answerNextPoll(raw);
    }

    public void forceStatus(String requestId, String raw) {
        account.forceStatus(requestId, raw);
    }

    public void delayResponses(Duration delay) {
        account.delayResponses(delay);
    }

    public List<RecordedRequest> requests() {
        return account.requests();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = Exchanges.bodyText(exchange);
            account.record(new RecordedRequest(exchange.getRequestMethod(), path, body));
            if (path.startsWith("/files/")) {
                serveFile(exchange, path);
                return;
            }
            try {
                if (!("Bearer " + config.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    throw XaiError.incorrectKey().answer();
                }
                String answer = route(exchange.getRequestMethod(), path, body);
                account.sleepConfiguredDelay();
                send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8), null);
            }
            catch (XaiError.Answer answer) {
                account.sleepConfiguredDelay();
                XaiError error = answer.error();
                ObjectNode node = json.createObjectNode().put("code", error.code()).put("error", error.error());
                send(exchange, error.httpStatus(), "application/json", json.writeValueAsBytes(node),
                        error.retryAfter());
            }
            catch (JacksonException e) {
                send(exchange, 400, "application/json",
                        "{\"code\":\"Client specified an invalid argument\",\"error\":\"Invalid JSON\"}"
                            .getBytes(StandardCharsets.UTF_8),
                        null);
            }
            catch (RuntimeException e) {
                log.error("xai simulator failed path={}", path, e);
                send(exchange, 500, "application/json",
                        "{\"code\":\"Internal error\",\"error\":\"Internal server error\"}"
                            .getBytes(StandardCharsets.UTF_8),
                        null);
            }
        }
    }

    private String route(String method, String path, String body) {
        if ("POST".equals(method) && "/v1/images/generations".equals(path)) {
            return json
                .writeValueAsString(account.generateImages(json.readTree(body), json, server.origin() + "/files"));
        }
        if ("POST".equals(method) && "/v1/videos/generations".equals(path)) {
            return json.writeValueAsString(
                    json.createObjectNode().put("request_id", account.createVideo(json.readTree(body)).requestId));
        }
        if ("GET".equals(method) && path.startsWith("/v1/videos/")) {
            String armed = account.armedPollBody();
            if (armed != null) {
                return armed;
            }
            XaiVideo video = account.video(path.substring("/v1/videos/".length()))
                .orElseThrow(() -> new XaiError(404, "Some requested entity was not found",
                        "No video generation request with this id")
                    .answer());
            ObjectNode node = json.createObjectNode();
            video.render(node, account.now(), server.origin() + "/files");
            return json.writeValueAsString(node);
        }
        throw new XaiError(404, "Not found", "No handler for " + method + " " + path).answer();
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (path.startsWith("/files/images/") && account.hasImage(id)) {
            send(exchange, 200, "image/jpeg", jpeg(), null);
        }
        else if (path.startsWith("/files/videos/") && account.hasVideo(id)) {
            send(exchange, 200, "video/mp4", SampleMedia.mp4("isommp41", false, ""), null);
        }
        else {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes,
            @Nullable Duration retryAfter) throws IOException {
        Exchanges.send(exchange, status, contentType, bytes, retryAfter);
    }

    /** A tiny real JPG (xAI's image output format). */
    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public record RecordedRequest(String method, String path, String body) {
    }

    public record Config(String apiKey, Duration queuedFor, Duration runningFor, Clock clock) {

        public static Config defaults() {
            return new Config("sim-xai-key", Duration.ofSeconds(1), Duration.ofSeconds(2), Clock.systemUTC());
        }

        @Override
        public String toString() {
            return "Config[apiKey=***, queuedFor=" + queuedFor + ", runningFor=" + runningFor + "]";
        }
    }

}
