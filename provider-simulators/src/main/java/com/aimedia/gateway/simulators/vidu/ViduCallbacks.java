package com.aimedia.gateway.simulators.vidu;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.simulators.support.CallbackPoster;

/**
 * Sends Vidu's signed callbacks (docs/providers/vidu.md,
 * platform.vidu.com/docs/callback-signature): a POST of the task body with {@code Date},
 * {@code x-request-nonce}, {@code X-HMAC-SIGNED-HEADERS: Date;x-request-nonce},
 * {@code X-HMAC-ALGORITHM: hmac-sha256}, {@code X-HMAC-ACCESS-KEY: vidu} and
 * {@code X-HMAC-SIGNATURE = base64(HMAC-SHA256(api token, METHOD\npath\nquery\nvidu\nDate\nDate:..\nx-request-nonce:..\n))}.
 * Vidu retries a failed delivery 3 times.
 */
final class ViduCallbacks {

    static final String ACCESS_KEY = "vidu";
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(ViduCallbacks.class);

    private static final int ATTEMPTS = 4;

    /** A callback to send: where, and the body. */
    record Due(String url, byte[] body) {
    }

    private final String apiKey;

    private final Clock clock;

    private final CallbackPoster poster = new CallbackPoster();

    ViduCallbacks(String apiKey, Clock clock) {
        this.apiKey = apiKey;
        this.clock = clock;
    }

    void send(Due due) {
        Thread.ofVirtual().start(() -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (deliver(due)) {
                    return;
                }
                try {
                    Thread.sleep(Duration.ofMillis(200L * attempt));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private boolean deliver(Due due) {
        try {
            URI uri = URI.create(due.url());
            String date = HTTP_DATE.format(clock.instant());
            String nonce = UUID.randomUUID().toString();
            String signature = sign(apiKey, "POST", uri, date, nonce);
            int status = poster
                .post(due.url(), due.body(), Duration.ofSeconds(3), "Date", date, "x-request-nonce", nonce,
                        "X-HMAC-SIGNED-HEADERS", "Date;x-request-nonce", "X-HMAC-ALGORITHM", "hmac-sha256",
                        "X-HMAC-ACCESS-KEY", ACCESS_KEY, "X-HMAC-SIGNATURE", signature)
                .statusCode();
            return status >= 200 && status < 300;
        }
        catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("vidu simulator callback failed: {}", e.toString());
            return false;
        }
    }

    /**
     * The documented signature over the callback URL's path and query, the Date and the
     * nonce.
     */
    static String sign(String apiKey, String method, URI callbackUrl, String date, String nonce) {
        String path = callbackUrl.getRawPath() == null || callbackUrl.getRawPath().isEmpty() ? "/"
                : callbackUrl.getRawPath();
        String query = callbackUrl.getRawQuery() == null ? "" : callbackUrl.getRawQuery();
        String signingString = method + "\n" + path + "\n" + query + "\n" + ACCESS_KEY + "\n" + date + "\n" + "Date:"
                + date + "\n" + "x-request-nonce:" + nonce + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signingString.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available");
        }
    }

}
