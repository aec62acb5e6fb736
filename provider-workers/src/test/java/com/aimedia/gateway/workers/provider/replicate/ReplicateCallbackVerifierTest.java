package com.aimedia.gateway.workers.provider.replicate;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;

/** Official Standard Webhooks vector A (docs/webhooks.md, "Test vectors"). */
class ReplicateCallbackVerifierTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    private static final long TIMESTAMP = 1614265330L;

    private static final String PAYLOAD = "{\"test\": 2432232314}";

    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final ReplicateCallbackVerifier verifier = new ReplicateCallbackVerifier(SECRET,
            Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 60), ZoneOffset.UTC));

    private static ProviderCallback callback(String signature, long timestamp) {
        return new ProviderCallback("task", Map.of("webhook-id", List.of(ID), "webhook-timestamp",
                List.of(Long.toString(timestamp)), "webhook-signature", List.of(signature)),
                PAYLOAD.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_accept_when_signature_matches_vector_a() {
        assertThatNoException().isThrownBy(() -> verifier.verify(callback(SIGNATURE, TIMESTAMP)));
        assertThatNoException().isThrownBy(() -> verifier.verify(callback("v1a,xyz v2,abc " + SIGNATURE, TIMESTAMP)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", "invalid_signature",
            "v1,invalid_signature", "v1,", "" })
    void should_refuse_when_signature_is_wrong(String signature) {
        assertThatThrownBy(() -> verifier.verify(callback(signature, TIMESTAMP)))
            .isInstanceOf(AuthenticationFailed.class);
    }

    @Test
    void should_refuse_when_timestamp_is_outside_tolerance() {
        assertThatThrownBy(() -> verifier.verify(callback(SIGNATURE, TIMESTAMP - 600)))
            .isInstanceOf(AuthenticationFailed.class);
    }

}
