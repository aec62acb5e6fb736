package com.aimedia.gateway.workers.provider.vidu;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

import com.aimedia.gateway.workers.provider.http.HmacSha256;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;

/**
 * Verifies Vidu's callback signature (platform.vidu.com/docs/callback-signature):
 * {@code X-HMAC-SIGNATURE = base64(HMAC-SHA256(api token, signingString))} with
 * {@code signingString = METHOD\npath\nquery\n"vidu"\nDate\n} followed by
 * {@code Name:value\n} for each header listed in {@code X-HMAC-SIGNED-HEADERS} (semicolon
 * separated, in order). The path and query are those of the callback URL as called.
 *
 * <p>
 * The method and target come from {@link ProviderCallback#method()} and
 * {@link ProviderCallback#target()}. Without a target the signature cannot be checked and
 * the callback is refused (fail closed: polling still finishes the task). The
 * {@code Date} must lie within {@code maxAge} of the gateway clock, which bounds replays;
 * nonces are not remembered (a replayed callback only triggers a poll, whose answer is
 * the truth).
 */
final class ViduCallbackVerifier {

    static final String ACCESS_KEY = "vidu";

    private static final String REFUSED = "The callback does not carry a valid Vidu signature.";

    private final String apiKey;

    private final Clock clock;

    private final Duration maxAge;

    ViduCallbackVerifier(String apiKey, Clock clock, Duration maxAge) {
        this.apiKey = apiKey;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    void verify(ProviderCallback callback) {
        if (!"hmac-sha256".equalsIgnoreCase(callback.header("X-HMAC-ALGORITHM"))
                || !ACCESS_KEY.equals(callback.header("X-HMAC-ACCESS-KEY"))) {
            throw new AuthenticationFailed(REFUSED);
        }
        String target = callback.target();
        String date = callback.header("Date");
        String signedHeaders = callback.header("X-HMAC-SIGNED-HEADERS");
        if (target.isEmpty() || !target.startsWith("/") || date.isEmpty() || signedHeaders.isEmpty() || !fresh(date)) {
            throw new AuthenticationFailed(REFUSED);
        }
        String method = callback.method().toUpperCase(Locale.ROOT);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        StringBuilder signing = new StringBuilder().append(method)
            .append('\n')
            .append(path)
            .append('\n')
            .append(query)
            .append('\n')
            .append(ACCESS_KEY)
            .append('\n')
            .append(date)
            .append('\n');
        for (String name : signedHeaders.split(";")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                signing.append(trimmed).append(':').append(callback.header(trimmed)).append('\n');
            }
        }
        byte[] expected = Base64.getEncoder().encode(HmacSha256.sign(apiKey, signing.toString()));
        byte[] given = callback.header("X-HMAC-SIGNATURE").getBytes(StandardCharsets.US_ASCII);
        if (!HmacSha256.same(expected, given)) {
            throw new AuthenticationFailed(REFUSED);
        }
    }

    private boolean fresh(String date) {
        try {
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Duration.between(sent, clock.instant()).abs().compareTo(maxAge) <= 0;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

}
