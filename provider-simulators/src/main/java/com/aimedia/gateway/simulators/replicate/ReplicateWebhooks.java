package com.aimedia.gateway.simulators.replicate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.support.CallbackPoster;

/**
 * Sends Replicate's webhooks ({@code start} and {@code completed}; the body is the
 * current Prediction JSON), signed with Standard Webhooks: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<base64
 * HMAC-SHA256(key, "id.timestamp.body")>}, where the key is the base64-decoded part of
 * the {@code whsec_} secret. Best effort on a background thread.
 */
final class ReplicateWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicateWebhooks.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final CallbackPoster poster = new CallbackPoster();

    private final String secret;

    private final Clock clock;

    ReplicateWebhooks(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    void schedule(Prediction prediction, Function<Prediction, String> render) {
        if (prediction.webhook == null) {
            return;
        }
        long startDelay = Math.max(0,
                Duration.between(clock.instant(), prediction.createdAt.plus(prediction.queuedFor)).toMillis());
        long endDelay = Math.max(0, Duration.between(clock.instant(), prediction.completesAt()).toMillis());
        scheduler.schedule(() -> send(prediction.webhook, render.apply(prediction)), startDelay + 20,
                TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> send(prediction.webhook, render.apply(prediction)), endDelay + 20,
                TimeUnit.MILLISECONDS);
    }

    private void send(String url, String body) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        long timestamp = clock.instant().getEpochSecond();
        String signature = sign(secret, id, timestamp, body);
        try {
            poster.post(url, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5), "webhook-id", id,
                    "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
        }
        catch (IOException | RuntimeException e) {
            log.debug("replicate simulator webhook not delivered reason={}", e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code v1,<base64 HMAC-SHA256>} of {@code id.timestamp.body} with the decoded
     * {@code whsec_} key.
     */
    static String sign(String secret, String id, long timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
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
