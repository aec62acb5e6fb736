package com.aimedia.gateway.simulators.bfl;

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

import com.aimedia.gateway.simulators.support.CallbackPoster;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts BFL's webhook when a task with a {@code webhook_url} finishes, best effort on a
 * background thread. The payload and the
 * {@code X-BFL-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>} header follow BFL's
 * skills repo (docs/providers/bfl.md marks them unverified by the OpenAPI).
 */
final class BflWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BflWebhooks.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final CallbackPoster poster = new CallbackPoster();

    private final JsonMapper json;

    private final Clock clock;

    BflWebhooks(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Schedules the webhook for when the task finishes; {@code sampleUrl} mints the
     * result URL at send time.
     */
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
        String[] signature = task.webhookSecret() == null ? new String[0]
                : new String[] { "X-BFL-Signature", "sha256=" + hmacHex(task.webhookSecret(), raw) };
        try {
            poster.post(java.util.Objects.requireNonNull(task.webhookUrl(), "only tasks with a webhook_url are sent"),
                    raw, Duration.ofSeconds(5), signature);
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
