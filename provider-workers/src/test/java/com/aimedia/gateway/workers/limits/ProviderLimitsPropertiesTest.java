package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.aimedia.gateway.workers.provider.spi.ProviderId;

class ProviderLimitsPropertiesTest {

    @Test
    void should_use_the_documented_defaults_when_nothing_is_configured() {
        ProviderLimitsProperties properties = bind(Map.of());

        assertThat(properties.limitsFor(ProviderId.of("kling")))
            .isEqualTo(new ProviderLimitsProperties.Limits(20, 16, Duration.ofSeconds(2), 5, Duration.ofSeconds(30)));
    }

    @Test
    void should_override_single_settings_per_provider_and_keep_the_configured_defaults_for_the_rest() {
        ProviderLimitsProperties properties = bind(Map.of("gateway.workers.limits.default.requests-per-second", "10",
                "gateway.workers.limits.default.open-for", "1m",
                "gateway.workers.limits.providers.kling.max-concurrent", "4",
                "gateway.workers.limits.providers.kling.failure-threshold", "2"));

        assertThat(properties.limitsFor(ProviderId.of("kling")))
            .isEqualTo(new ProviderLimitsProperties.Limits(10, 4, Duration.ofSeconds(2), 2, Duration.ofMinutes(1)));
        assertThat(properties.limitsFor(ProviderId.of("luma")))
            .isEqualTo(new ProviderLimitsProperties.Limits(10, 16, Duration.ofSeconds(2), 5, Duration.ofMinutes(1)));
    }

    private static ProviderLimitsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway.workers.limits",
                ProviderLimitsProperties.class);
    }

}
