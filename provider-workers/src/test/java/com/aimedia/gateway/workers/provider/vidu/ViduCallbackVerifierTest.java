package com.aimedia.gateway.workers.provider.vidu;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;

/**
 * The signing string of Vidu's documented example (callback URL
 * {@code /vidu/callback?name=james&age=36}).
 */
class ViduCallbackVerifierTest {

    private static final String DATE = "Tue, 06 May 2025 12:09:42 GMT";

    private static final String NONCE = "123e4567-e89b-12d3-a456-426614174000";

    private static final String DOCUMENTED_SIGNING_STRING = "POST\n/vidu/callback\nname=james&age=36\nvidu\n" + DATE
            + "\nDate:" + DATE + "\nx-request-nonce:" + NONCE + "\n";

    private static final Clock AT_DATE = Clock.fixed(Instant.parse("2025-05-06T12:10:00Z"), ZoneOffset.UTC);

    private final ViduCallbackVerifier verifier = new ViduCallbackVerifier("token-1", AT_DATE, Duration.ofMinutes(5));

    private static String sign(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProviderCallback callback(String signature, String path) {
        return new ProviderCallback("t", "POST", path,
                Map.of("date", List.of(DATE), "x-request-nonce", List.of(NONCE), "x-hmac-signed-headers",
                        List.of("Date;x-request-nonce"), "x-hmac-algorithm", List.of("hmac-sha256"),
                        "x-hmac-access-key", List.of("vidu"), "x-hmac-signature", List.of(signature)),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_accept_when_signature_matches_the_documented_signing_string() throws Exception {
        ProviderCallback signed = callback(sign("token-1", DOCUMENTED_SIGNING_STRING),
                "/vidu/callback?name=james&age=36");

        assertThatCode(() -> verifier.verify(signed)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_when_query_key_or_date_differ() throws Exception {
        String signature = sign("token-1", DOCUMENTED_SIGNING_STRING);

        assertThatThrownBy(() -> verifier.verify(callback(signature, "/vidu/callback?name=james&age=37")))
            .isInstanceOf(AuthenticationFailed.class);
        assertThatThrownBy(() -> verifier
            .verify(callback(sign("token-2", DOCUMENTED_SIGNING_STRING), "/vidu/callback?name=james&age=36")))
            .isInstanceOf(AuthenticationFailed.class);
        ViduCallbackVerifier muchLater = new ViduCallbackVerifier("token-1", Clock.offset(AT_DATE, Duration.ofHours(1)),
                Duration.ofMinutes(5));
        assertThatThrownBy(() -> muchLater.verify(callback(signature, "/vidu/callback?name=james&age=36")))
            .isInstanceOf(AuthenticationFailed.class);
    }

}
