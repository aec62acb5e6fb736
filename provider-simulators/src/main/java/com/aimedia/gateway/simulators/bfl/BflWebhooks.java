package com.aimedia.gateway.simulators.bfl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts BFL's webhook when a task with a {@code webhook_url} finishes, best effort on a background thread. The payload
 * and the {@code X-BFL-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>} header follow BFL's skills repo
 * (providers.md section 10 marks them unverified by the OpenAPI).
 */
final class BflWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BflWebhooks.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json;
    private final Clock clock;

    BflWebhooks(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Schedules the webhook for when the task finishes; {@code sampleUrl} mints the result URL at send time. */
    void scheduleFor(BflTask task, Function<BflTask, String> sampleUrl) {
        if (task.webhookUrl() == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), task.finishesAt()).toMillis());
        scheduler.schedule(() -> send(task, sampleUrl), delay + 20, TimeUnit.MILLISECONDS);
    }

    private void send(BflTask task, Function<BflTask, String> sampleUrl) {
        ObjectNode body = json.createObjectNode();
        body.put("id", task.id());
        body.put("status", task.finalStatus());
        if (BflTask.READY.equals(task.finalStatus())) {
            ObjectNode result = body.putObject("result");
            result.put("sample", sampleUrl.apply(task));
            result.put("prompt", task.prompt());
            result.put("seed", task.seed());
        }
        else {
            body.put("error", task.finalStatus());
            body.put("message", "The task ended with status " + task.finalStatus());
        }
        body.put("timestamp", clock.instant().getEpochSecond());
        byte[] raw = json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(task.webhookUrl()))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(raw));
        if (task.webhookSecret() != null) {
            request.header("X-BFL-Signature", "sha256=" + hmacHex(task.webhookSecret(), raw));
        }
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
        catch (java.io.IOException | RuntimeException e) {
            // best effort, like the real thing: the gateway polls anyway
            log.debug("bfl simulator webhook not delivered taskId={} reason={}", task.id(), e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
