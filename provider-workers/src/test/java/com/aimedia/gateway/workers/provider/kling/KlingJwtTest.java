package com.aimedia.gateway.workers.provider.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class KlingJwtTest {

    private final KlingJwt jwt = new KlingJwt(JsonMapper.builder().build());

    @Test
    void should_reproduce_the_documented_test_vector_byte_for_byte() {
        String token = jwt.mint("AKTEST", "SKTEST", 1705321800L, 1705319995L);

        assertThat(token).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                + "eyJpc3MiOiJBS1RFU1QiLCJleHAiOjE3MDUzMjE4MDAsIm5iZiI6MTcwNTMxOTk5NX0."
                + "OF79vd6_d5oqQjAerr1ySSs648hiOlEAHkRmdJT-T_0");
    }

    @Test
    void should_be_valid_for_30_minutes_from_5_seconds_ago_when_minted_now() {
        String token = jwt.mint("AKTEST", "SKTEST", Instant.ofEpochSecond(1705320000L));

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("{\"iss\":\"AKTEST\",\"exp\":1705321800,\"nbf\":1705319995}");
    }

}
