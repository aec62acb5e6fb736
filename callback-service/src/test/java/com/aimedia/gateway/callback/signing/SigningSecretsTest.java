package com.aimedia.gateway.callback.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.callback.MongoFixture;
import com.aimedia.gateway.callback.MutableClock;
import com.standardwebhooks.Webhook;

class SigningSecretsTest {

    private final MongoFixture mongo = MongoFixture.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SigningSecrets secrets = new SigningSecrets(mongo.database(), clock);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void should_create_a_32_byte_whsec_secret_once_when_asked_repeatedly() {
        // when
        String first = secrets.currentSecret("tenant-a");
        String again = new SigningSecrets(mongo.database(), clock).currentSecret("tenant-a");

        // then
        assertThat(first).startsWith("whsec_").isEqualTo(again);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
        assertThat(secrets.currentSecret("tenant-b")).isNotEqualTo(first);
    }

    @Test
    void should_sign_with_new_and_old_secret_until_overlap_ends_when_rotated() {
        // given
        String old = secrets.currentSecret("tenant-a");

        // when
        String fresh = secrets.rotate("tenant-a", Duration.ofHours(1));

        // then: the new secret is current, both sign during the overlap, the old one stops afterwards
        assertThat(secrets.currentSecret("tenant-a")).isEqualTo(fresh).isNotEqualTo(old);
        assertThat(secrets.activeSecrets("tenant-a")).containsExactly(fresh, old);
        clock.advance(Duration.ofMinutes(61));
        assertThat(secrets.activeSecrets("tenant-a")).containsExactly(fresh);
    }

    @Test
    void should_verify_under_both_secrets_when_header_is_signed_during_rotation() {
        // given
        String old = secrets.currentSecret("tenant-a");
        String fresh = secrets.rotate("tenant-a", Duration.ofDays(1));
        long now = Clock.systemUTC().instant().getEpochSecond();
        String body = "{\"id\":\"task_1\",\"status\":\"queued\"}";

        // when
        String header = WebhookSigner.signatureHeader(secrets.activeSecrets("tenant-a"), "msg_x", now, body);

        // then
        HttpHeaders headers = HttpHeaders.of(Map.of("webhook-id", List.of("msg_x"), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature", List.of(header)), (name, value) -> true);
        assertThat(header.split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(old).verify(body, headers)).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(fresh).verify(body, headers)).doesNotThrowAnyException();
    }

    @Test
    void should_drop_expired_secrets_when_rotating_again() {
        String first = secrets.currentSecret("tenant-a");
        String second = secrets.rotate("tenant-a", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));

        String third = secrets.rotate("tenant-a", Duration.ofMinutes(5));

        assertThat(secrets.activeSecrets("tenant-a")).containsExactly(third, second).doesNotContain(first);
    }
}
