package com.aimedia.gateway.workers.provider.replicate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import com.aimedia.gateway.workers.provider.http.HmacSha256;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;

/**
 * Verifies a Replicate webhook with Standard Webhooks (docs/webhooks.md, "Signing"):
 * HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded part of the
 * {@code whsec_} secret, compared in constant time with each {@code v1,} entry of the
 * space-separated {@code webhook-signature}; the timestamp must be within 5 minutes.
 */
final class ReplicateCallbackVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    private final Clock clock;

    ReplicateCallbackVerifier(String secret, Clock clock) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "gateway.providers.replicate.webhook-secret is not a whsec_<base64> secret");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("gateway.providers.replicate.webhook-secret is empty");
        }
        this.clock = clock;
    }

    void verify(ProviderCallback callback) {
        String id = callback.header("webhook-id");
        String timestamp = callback.header("webhook-timestamp");
        if (id.isEmpty() || timestamp.isEmpty()) {
            throw new AuthenticationFailed("The provider callback carries no Standard Webhooks headers.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        }
        catch (NumberFormatException e) {
            throw new AuthenticationFailed("The provider callback's webhook-timestamp is not a number.");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new AuthenticationFailed("The provider callback's webhook-timestamp is too old or too new.");
        }
        byte[] expected = sign(id, seconds, callback.body());
        for (String entry : callback.header("webhook-signature").split(" ")) {
            if (entry.startsWith("v1,") && matches(expected, entry.substring(3))) {
                return;
            }
        }
        throw new AuthenticationFailed("The provider callback's webhook-signature does not verify.");
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return HmacSha256.same(expected, Base64.getDecoder().decode(base64));
        }
        catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    byte[] sign(String id, long timestamp, byte[] body) {
        return HmacSha256.sign(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

}
