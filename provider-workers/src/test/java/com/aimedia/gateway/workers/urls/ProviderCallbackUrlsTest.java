package com.aimedia.gateway.workers.urls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class ProviderCallbackUrlsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static final UrlSigner SIGNER = new UrlSigner("a-signing-secret-of-at-least-32-chars");

    private static ProviderCallbackUrls at(Instant instant) {
        return new ProviderCallbackUrls(URI.create("https://gw.example.com/workers/"), SIGNER,
                Clock.fixed(instant, ZoneOffset.UTC), Duration.ofHours(48), Map.of("bfl", Duration.ofHours(1)));
    }

    private static long expires(URI url) {
        return Long.parseLong(UriComponentsBuilder.fromUri(url).build().getQueryParams().getFirst("expires"));
    }

    private static String signature(URI url) {
        return UriComponentsBuilder.fromUri(url).build().getQueryParams().getFirst("signature");
    }

    @Test
    void should_accept_a_callback_within_the_providers_task_lifetime() {
        URI url = at(NOW).forTask("kling", "task_1").orElseThrow();

        assertThat(url.toString())
            .startsWith("https://gw.example.com/workers/provider-callbacks/kling/task_1?expires=");
        assertThat(at(NOW.plus(Duration.ofHours(47))).check("kling", "task_1", expires(url), signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.VALID);
    }

    @Test
    void should_refuse_a_replayed_callback_after_the_lifetime_is_over() {
        URI url = at(NOW).forTask("kling", "task_1").orElseThrow();

        assertThat(at(NOW.plus(Duration.ofHours(49))).check("kling", "task_1", expires(url), signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.EXPIRED);
    }

    @Test
    void should_use_the_providers_own_lifetime_where_configured() {
        URI url = at(NOW).forTask("bfl", "task_1").orElseThrow();

        assertThat(expires(url)).isEqualTo(NOW.plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(at(NOW.plus(Duration.ofHours(2))).check("bfl", "task_1", expires(url), signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.EXPIRED);
    }

    @Test
    void should_treat_a_pushed_out_expiry_or_another_task_as_forged() {
        URI url = at(NOW).forTask("kling", "task_1").orElseThrow();
        ProviderCallbackUrls later = at(NOW.plus(Duration.ofDays(3)));

        assertThat(later.check("kling", "task_1", expires(url) + 86_400 * 30, signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.FORGED);
        assertThat(at(NOW).check("kling", "task_2", expires(url), signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.FORGED);
        assertThat(at(NOW).check("vidu", "task_1", expires(url), signature(url)))
            .isEqualTo(ProviderCallbackUrls.Check.FORGED);
        assertThat(at(NOW).check("kling", "task_1", expires(url), null)).isEqualTo(ProviderCallbackUrls.Check.FORGED);
    }

    @Test
    void should_rebuild_the_target_the_provider_called() {
        URI url = at(NOW).forTask("vidu", "task_1").orElseThrow();

        assertThat(at(NOW).target("vidu", "task_1", expires(url), signature(url)))
            .isEqualTo(url.getRawPath() + "?" + url.getRawQuery());
    }

    @Test
    void should_accept_nothing_when_callbacks_are_off() {
        assertThat(ProviderCallbackUrls.disabled().forTask("kling", "task_1")).isEmpty();
        assertThat(ProviderCallbackUrls.disabled().check("kling", "task_1", Long.MAX_VALUE, "x"))
            .isEqualTo(ProviderCallbackUrls.Check.FORGED);
    }

}
