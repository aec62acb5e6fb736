package com.aimedia.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TaskBodyLinksTest {

    private static final Instant COMPLETED = Instant.parse("2026-01-01T10:00:00Z");

    private static final String BODY = "{\"id\":\"t1\",\"status\":\"completed\",\"created_at\":1767261000,"
            + "\"completed_at\":" + COMPLETED.getEpochSecond() + ",\"outputs\":[\"gateway-output:r30/t1/0.mp4\","
            + "\"https://cdn.provider.example/x.png\"],\"version\":3,\"updated_at\":" + COMPLETED.getEpochSecond()
            + "}";

    private static final StorageProperties.Links LINKS = new StorageProperties.Links(Duration.ofDays(7),
            Duration.ofHours(1));

    private static final LocalOutputLinks SIGNER = new LocalOutputLinks(URI.create("https://files.example/"),
            "0123456789abcdef0123456789abcdef");

    private static TaskBodyLinks at(Instant now) {
        return new TaskBodyLinks(SIGNER, LINKS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void should_render_the_same_bytes_when_read_twice_in_one_period() {
        String webhook = at(COMPLETED.plusSeconds(5)).render(BODY);
        String get = at(COMPLETED.plusSeconds(3000)).render(BODY);

        assertThat(get).isEqualTo(webhook);
    }

    @Test
    void should_sign_a_fresh_link_when_read_long_after_completion() {
        Instant later = COMPLETED.plus(Duration.ofDays(20));

        String body = at(later).render(BODY);

        long expires = later.plus(Duration.ofDays(7)).getEpochSecond();
        assertThat(body).contains("\"https://files.example/files/r30/t1/0.mp4?expires=" + expires + "&signature=");
        String signature = body.replaceAll(".*signature=([^\"]+)\".*", "$1");
        assertThat(SIGNER.check("r30/t1/0.mp4", expires, signature, later)).isEqualTo(LocalOutputLinks.Access.GRANTED);
    }

    @Test
    void should_keep_everything_else_when_rendering_links() {
        String body = at(COMPLETED).render(BODY);

        assertThat(body)
            .startsWith("{\"id\":\"t1\",\"status\":\"completed\",\"created_at\":1767261000,\"completed_at\":")
            .contains(",\"https://cdn.provider.example/x.png\"],\"version\":3,\"updated_at\":")
            .endsWith(",\"outputs_expire_at\":" + COMPLETED.plus(Duration.ofDays(30)).getEpochSecond() + "}")
            .doesNotContain("gateway-output:");
    }

    @Test
    void should_never_link_past_retention_when_retention_ends_within_the_ttl() {
        Instant now = COMPLETED.plus(Duration.ofDays(28));

        String body = at(now).render(BODY);

        assertThat(body).contains("?expires=" + COMPLETED.plus(Duration.ofDays(30)).getEpochSecond() + "&");
    }

    @Test
    void should_say_outputs_expired_when_retention_has_passed() {
        String body = at(COMPLETED.plus(Duration.ofDays(30))).render(BODY);

        assertThat(body).endsWith(",\"outputs_expired\":true}");
    }

    @Test
    void should_carry_no_link_to_a_deleted_output_when_retention_has_passed() {
        String body = at(COMPLETED.plus(Duration.ofDays(30))).render(BODY);

        assertThat(body).contains("\"outputs\":[\"https://cdn.provider.example/x.png\"],")
            .doesNotContain("files.example", "gateway-output:");
    }

    @Test
    void should_say_a_stored_output_expired_once_its_retention_has_ended() {
        String stored = "gateway-output:r30/t1/0.mp4";

        assertThat(at(COMPLETED.plus(Duration.ofDays(30)).minusSeconds(1)).expired(stored, COMPLETED)).isFalse();
        assertThat(at(COMPLETED.plus(Duration.ofDays(30))).expired(stored, COMPLETED)).isTrue();
        assertThat(at(COMPLETED.plus(Duration.ofDays(90))).expired("https://cdn.provider.example/x.png", COMPLETED))
            .as("never stored, never expired here")
            .isFalse();
    }

    @Test
    void should_leave_an_empty_outputs_array_when_every_output_was_stored_and_has_expired() {
        String stored = BODY.replace(",\"https://cdn.provider.example/x.png\"", ",\"gateway-output:r30/t1/1.png\"");

        String body = at(COMPLETED.plus(Duration.ofDays(31))).render(stored);

        assertThat(body).contains("\"outputs\":[],\"version\":3").doesNotContain("files.example", "gateway-output:");
    }

    @Test
    void should_return_the_body_unchanged_when_it_has_no_stored_outputs() {
        String queued = "{\"id\":\"t1\",\"status\":\"failed\",\"created_at\":1,\"error\":\"\\\"gateway-output:r30/t1/0.mp4\\\"\"}";

        assertThat(at(COMPLETED).render(queued)).isSameAs(queued);
    }

    @Test
    void should_return_the_body_as_stored_when_this_service_has_no_store_settings() {
        TaskBodyLinks unconfigured = new TaskBodyLinks(new OutputLinks.Unavailable(), LINKS, Clock.systemUTC());

        assertThat(unconfigured.render(BODY)).isEqualTo(BODY);
    }

}
