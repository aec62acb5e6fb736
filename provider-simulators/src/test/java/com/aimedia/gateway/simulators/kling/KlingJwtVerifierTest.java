package com.aimedia.gateway.simulators.kling;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class KlingJwtVerifierTest {

    private static final String VECTOR = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJpc3MiOiJBS1RFU1QiLCJleHAiOjE3MDUzMjE4MDAsIm5iZiI6MTcwNTMxOTk5NX0."
            + "OF79vd6_d5oqQjAerr1ySSs648hiOlEAHkRmdJT-T_0";

    private static final long NOW = 1_705_320_000L;

    private final KlingJwtVerifier verifier = verifierAt(NOW);

    private static KlingJwtVerifier verifierAt(long epochSecond) {
        return new KlingJwtVerifier("AKTEST", "SKTEST", Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC),
                JsonMapper.builder().build());
    }

    @Test
    void should_accept_the_documented_test_vector_when_inside_its_validity() {
        assertThatCode(() -> verifier.verify("Bearer " + VECTOR)).doesNotThrowAnyException();
    }

    @Test
    void should_accept_a_token_with_other_key_order_when_signature_and_claims_are_valid() {
        String token = TestTokens.mint("{\"typ\":\"JWT\",\"alg\":\"HS256\"}",
                "{\"nbf\":1705319995,\"exp\":1705321800,\"iss\":\"AKTEST\"}", "SKTEST");

        assertThatCode(() -> verifier.verify("Bearer " + token)).doesNotThrowAnyException();
    }

    @Test
    void should_answer_1001_when_header_missing() {
        assertCode(null, 1001);
        assertCode(" ", 1001);
    }

    @Test
    void should_answer_1002_when_token_malformed_or_not_bearer() {
        assertCode("Basic abc", 1002);
        assertCode("Bearer not-a-jwt", 1002);
        assertCode("Bearer a.b.c", 1002);
    }

    @Test
    void should_answer_1002_when_algorithm_is_not_hs256() {
        String token = TestTokens.mint("{\"alg\":\"none\",\"typ\":\"JWT\"}",
                "{\"iss\":\"AKTEST\",\"exp\":1705321800,\"nbf\":1705319995}", "SKTEST");

        assertCode("Bearer " + token, 1002);
    }

    @Test
    void should_answer_1000_when_signed_with_another_secret() {
        assertCode("Bearer " + TestTokens.mint("AKTEST", "WRONG", NOW + 1800, NOW - 5), 1000);
    }

    @Test
    void should_answer_1000_when_issuer_is_another_access_key() {
        assertCode("Bearer " + TestTokens.mint("OTHER", "SKTEST", NOW + 1800, NOW - 5), 1000);
    }

    @Test
    void should_answer_1003_when_token_not_yet_valid() {
        assertCode("Bearer " + TestTokens.mint("AKTEST", "SKTEST", NOW + 1800, NOW + 60), 1003);
    }

    @Test
    void should_answer_1004_when_token_expired() {
        KlingJwtVerifier later = verifierAt(1_705_321_800L);

        assertThatThrownBy(() -> later.verify("Bearer " + VECTOR)).isInstanceOfSatisfying(KlingError.Answer.class,
                answer -> org.assertj.core.api.Assertions.assertThat(answer.error())
                    .extracting(KlingError::httpStatus, KlingError::code)
                    .containsExactly(401, 1004));
    }

    private void assertCode(String header, int code) {
        assertThatThrownBy(() -> verifier.verify(header)).isInstanceOfSatisfying(KlingError.Answer.class,
                answer -> org.assertj.core.api.Assertions.assertThat(answer.error())
                    .extracting(KlingError::httpStatus, KlingError::code)
                    .containsExactly(401, code));
    }

}
