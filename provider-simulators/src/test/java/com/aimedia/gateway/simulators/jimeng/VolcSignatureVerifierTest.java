package com.aimedia.gateway.simulators.jimeng;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The simulator accepts exactly the signature of docs/providers/jimeng.md's worked
 * example, and nothing else.
 */
class VolcSignatureVerifierTest {

    private static final byte[] BODY = "{\"req_key\":\"jimeng_vgfm_t2v_l20\",\"task_id\":\"abc\"}"
        .getBytes(StandardCharsets.UTF_8);

    private static final String AUTHORIZATION = "HMAC-SHA256 Credential=AKTEST/20240115/cn-north-1/cv/request, "
            + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
            + "Signature=5cbe194cc35a9fe8a0dcf34cbfc8f10d2c989caa3059aa6fe4f186977c0fef7a";

    private static VolcSignatureVerifier.SignedRequest request(String authorization, byte[] body) {
        return new VolcSignatureVerifier.SignedRequest("POST", "/", "Action=CVSync2AsyncGetResult&Version=2022-08-31",
                Map.of("authorization", authorization, "content-type", "application/json", "host",
                        "visual.volcengineapi.com", "x-content-sha256",
                        "2e83d6a6ed2aef0fb0dd7125abe5bad97718ec9bd6be63d52418921ea3133955", "x-date",
                        "20240115T120000Z"),
                body);
    }

    @Test
    void should_accept_when_request_is_the_worked_example() {
        VolcSignatureVerifier verifier = new VolcSignatureVerifier("AKTEST", "SKTEST", "cn-north-1", "cv");

        assertThatCode(() -> verifier.verify(request(AUTHORIZATION, BODY))).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_with_signature_mismatch_when_secret_key_differs() {
        VolcSignatureVerifier verifier = new VolcSignatureVerifier("AKTEST", "OTHER", "cn-north-1", "cv");

        assertThatThrownBy(() -> verifier.verify(request(AUTHORIZATION, BODY)))
            .isInstanceOfSatisfying(JimengError.Answer.class, answer -> {
                org.assertj.core.api.Assertions.assertThat(answer.error().metadataCode())
                    .isEqualTo("SignatureDoesNotMatch");
                org.assertj.core.api.Assertions.assertThat(answer.error().httpStatus()).isEqualTo(401);
            });
    }

    @Test
    void should_refuse_when_body_was_changed_after_signing() {
        VolcSignatureVerifier verifier = new VolcSignatureVerifier("AKTEST", "SKTEST", "cn-north-1", "cv");

        assertThatThrownBy(() -> verifier.verify(request(AUTHORIZATION, "{}".getBytes(StandardCharsets.UTF_8))))
            .isInstanceOf(JimengError.Answer.class);
    }

}
