package com.aimedia.gateway.callback.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.MutableClock;
import com.standardwebhooks.Webhook;

class SigningSecretsTest {

    private final InMemoryMongo mongo = InMemoryMongo.start();

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

        // then: the new secret is current, both sign during the overlap, the old one
        // stops afterwards
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

    @Test
    void should_keep_at_most_two_active_secrets_when_rotated_again_during_the_overlap() {
        secrets.currentSecret("tenant-a");
        String second = secrets.rotate("tenant-a", Duration.ofDays(1));
        String third = secrets.rotate("tenant-a", Duration.ofDays(1));

        String fourth = secrets.rotate("tenant-a", Duration.ofDays(1));

        assertThat(secrets.activeSecrets("tenant-a")).containsExactly(fourth, third).doesNotContain(second);
        assertThat(WebhookSigner.signatureHeader(secrets.activeSecrets("tenant-a"), "msg_x", 0, "{}").split(" "))
            .hasSize(2);
    }

    @Test
    void should_store_no_secret_in_clear_when_an_encryption_key_is_configured() {
        SigningSecrets sealed = new SigningSecrets(mongo.database(), clock, SecretCipher.of("k1", Map.of("k1", KEY_1)));
        String secret = sealed.currentSecret("tenant-a");
        String rotated = sealed.rotate("tenant-a", Duration.ofDays(1));

        String stored = mongo.database().getCollection(SigningSecrets.COLLECTION).find().first().toJson();

        assertThat(stored).doesNotContain(secret)
            .doesNotContain(rotated)
            .doesNotContain(secret.substring(6))
            .contains("\"kid\": \"k1\"");
        assertThat(sealed.activeSecrets("tenant-a")).containsExactly(rotated, secret);
    }

    @Test
    void should_refuse_to_open_secrets_without_the_key_or_moved_to_another_tenant() {
        SigningSecrets sealed = new SigningSecrets(mongo.database(), clock, SecretCipher.of("k1", Map.of("k1", KEY_1)));
        sealed.currentSecret("tenant-a");
        var collection = mongo.database().getCollection(SigningSecrets.COLLECTION);
        org.bson.Document stolen = collection.find().first();
        collection.insertOne(stolen.append("_id", "tenant-b"));

        assertThatThrownBy(() -> new SigningSecrets(mongo.database(), clock, SecretCipher.of("k2", Map.of("k2", KEY_2)))
            .activeSecrets("tenant-a")).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(KEY_1);
        assertThatThrownBy(() -> sealed.activeSecrets("tenant-b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_open_secrets_of_an_older_key_and_reseal_them_with_the_new_one_on_rotation() {
        String plain = secrets.currentSecret("tenant-a"); // stored before any key was
                                                          // configured
        String underK1 = new SigningSecrets(mongo.database(), clock, SecretCipher.of("k1", Map.of("k1", KEY_1)))
            .rotate("tenant-a", Duration.ofDays(1));
        SigningSecrets underK2 = new SigningSecrets(mongo.database(), clock,
                SecretCipher.of("k2", Map.of("k2", KEY_2, "k1", KEY_1)));

        String fresh = underK2.rotate("tenant-a", Duration.ofDays(1));

        assertThat(underK2.activeSecrets("tenant-a")).containsExactly(fresh, underK1).doesNotContain(plain);
        assertThat(mongo.database().getCollection(SigningSecrets.COLLECTION).find().first().toJson())
            .doesNotContain("\"k1\"");
    }

    @Test
    void should_fail_start_up_naming_the_key_when_a_key_is_malformed() {
        assertThatThrownBy(() -> SecretCipher.of("k1", Map.of("k1", "c2hvcnQ="))).hasMessageContaining("'k1'")
            .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.of("k9", Map.of("k1", KEY_1))).hasMessageContaining("'k9'");
    }

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);

    private static final String KEY_2 = Base64.getEncoder()
        .encodeToString("0123456789abcdef0123456789abcdef".getBytes());

}
