package com.aimedia.gateway.callback.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/** The official Standard Webhooks vectors (docs/webhooks.md, "Test vectors"). */
class WebhookSignerTest {

    private static final String SECRET_A = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String ID_A = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    private static final long TS_A = 1614265330L;

    private static final String PAYLOAD_A = "{\"test\": 2432232314}";

    private static final String SIGNATURE_A = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String SECRET_B = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @Test
    void should_reproduce_official_vector_A_when_signing() {
        assertThat(WebhookSigner.sign(SECRET_A, ID_A, TS_A, PAYLOAD_A)).isEqualTo(SIGNATURE_A);
    }

    @Test
    void should_reproduce_official_vector_B_when_signing() {
        String signature = WebhookSigner.sign(SECRET_B, "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", 1649367553L,
                "{\"email\":\"test@example.com\",\"username\":\"test_user\"}");

        assertThat(signature).isEqualTo("v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=");
    }

    @Test
    void should_reproduce_derived_vectors_when_payload_is_empty_compact_or_non_ascii() {
        assertThat(WebhookSigner.sign(SECRET_A, ID_A, TS_A, ""))
            .isEqualTo("v1,v48jdbgvh29KJz2Qc+ghw8G6vG3nAKnujWBg8oM/62A=");
        assertThat(WebhookSigner.sign(SECRET_A, ID_A, TS_A, "{\"test\":2432232314}"))
            .isEqualTo("v1,Vif40peJBP7Iyl0XGmu61n4MwdrcHov5CFREBpE0svs=");
        assertThat(WebhookSigner.sign(SECRET_A, ID_A, TS_A, "{\"name\":\"Jöhn ✓\"}"))
            .isEqualTo("v1,UZjHST3S2adi/cPJy2/fHZ8Qq4j0R5R0bCE2SpHMoZI=");
        assertThat(WebhookSigner.sign(SECRET_B, ID_A, TS_A, PAYLOAD_A))
            .isEqualTo("v1,78nXHjpFP0tVJQW5D0SBwmVyyW87BV/rL6MgfM/Bw44=");
    }

    @Test
    void should_send_one_signature_per_secret_when_rotating() {
        String header = WebhookSigner.signatureHeader(List.of(SECRET_A, SECRET_B), ID_A, TS_A, PAYLOAD_A);

        assertThat(header).isEqualTo(SIGNATURE_A + " v1,78nXHjpFP0tVJQW5D0SBwmVyyW87BV/rL6MgfM/Bw44=");
    }

    @Test
    void should_verify_under_either_secret_when_rotation_header_is_sent() {
        // given
        long now = nowSeconds();
        String header = WebhookSigner.signatureHeader(List.of(SECRET_A, SECRET_B), ID_A, now, PAYLOAD_A);

        // then
        assertThatCode(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, headers(ID_A, now, header)))
            .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(SECRET_B).verify(PAYLOAD_A, headers(ID_A, now, header)))
            .doesNotThrowAnyException();
    }

    @Test
    void should_pass_verification_when_a_valid_v1_is_among_foreign_entries() {
        long now = nowSeconds();
        String foreign = "Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
        String header = "v1," + foreign + " v2," + foreign + " " + WebhookSigner.sign(SECRET_A, ID_A, now, PAYLOAD_A)
                + " v1," + foreign;

        assertThatCode(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, headers(ID_A, now, header)))
            .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "invalid_signature", "v1,invalid_signature", "v1," })
    void should_differ_from_and_fail_verification_when_signature_is_tampered(String tampered) {
        // given: vector A with a current timestamp, so that only the signature can be
        // wrong
        long now = nowSeconds();
        String ours = WebhookSigner.sign(SECRET_A, ID_A, now, PAYLOAD_A);

        // then
        assertThat(ours).isNotEqualTo(tampered);
        assertThatCode(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, headers(ID_A, now, ours)))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, headers(ID_A, now, tampered)))
            .isInstanceOf(WebhookVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "v1,R3PTzyfHASBKHH98a7yexTwaJ4yNIcGhFQc1yuN+BPU=", "v1,", "v1,tZ1I4/hD" })
    void should_fail_verification_when_vector_B_signature_is_wrong_or_partial(String wrong) {
        long now = nowSeconds();
        String payload = "{\"email\":\"test@example.com\",\"username\":\"test_user\"}";
        String id = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";

        assertThat(WebhookSigner.sign(SECRET_B, id, now, payload)).isNotEqualTo(wrong);
        assertThatThrownBy(() -> new Webhook(SECRET_B).verify(payload, headers(id, now, wrong)))
            .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void should_fail_verification_when_timestamp_is_outside_five_minutes() {
        long now = nowSeconds();
        for (long timestamp : new long[] { now - 301, now + 301 }) {
            String signature = WebhookSigner.sign(SECRET_A, ID_A, timestamp, PAYLOAD_A);
            assertThatThrownBy(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, headers(ID_A, timestamp, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void should_fail_verification_when_a_header_is_missing() {
        long now = nowSeconds();
        String signature = WebhookSigner.sign(SECRET_A, ID_A, now, PAYLOAD_A);
        Map<String, List<String>> complete = Map.of("webhook-id", List.of(ID_A), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(signature));

        for (String missing : complete.keySet()) {
            Map<String, List<String>> partial = new java.util.HashMap<>(complete);
            partial.remove(missing);
            assertThatThrownBy(() -> new Webhook(SECRET_A).verify(PAYLOAD_A, HttpHeaders.of(partial, (k, v) -> true)))
                .as("without %s", missing)
                .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void should_reject_secret_when_prefix_or_key_is_missing() {
        assertThatThrownBy(() -> WebhookSigner.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID_A, TS_A, PAYLOAD_A))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSigner.sign("whsec_", ID_A, TS_A, PAYLOAD_A))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_reject_webhook_id_when_it_contains_a_dot() {
        assertThatThrownBy(() -> WebhookSigner.sign(SECRET_A, "msg.1", TS_A, PAYLOAD_A))
            .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The verifier checks the timestamp against the real time, so these tests sign with
     * it.
     */
    private static long nowSeconds() {
        return Clock.systemUTC().instant().getEpochSecond();
    }

    private static HttpHeaders headers(String id, long timestamp, String signature) {
        return HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature)), (name, value) -> true);
    }

}
