package com.aimedia.gateway.workers.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.catalog.ProviderAvailability;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;
import com.aimedia.gateway.workers.provider.xai.XaiAdapter;
import com.aimedia.gateway.workers.provider.xai.XaiProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code provider_status} as provider-workers report it at start-up, read by api-service
 * at submit.
 */
class ProviderStatusContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryMongo mongo = InMemoryMongo.start();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void a_provider_reported_without_credentials_is_unconfigured_for_the_api_until_reported_with_them() {
        report(null);

        assertThat(new ProviderAvailability(mongo.database(), CLOCK).isReportedUnconfigured("xai")).isTrue();

        report("xai-key");

        assertThat(new ProviderAvailability(mongo.database(), CLOCK).isReportedUnconfigured("xai")).isFalse();
    }

    @Test
    void a_provider_nobody_reported_is_not_refused() {
        report(null);

        assertThat(new ProviderAvailability(mongo.database(), CLOCK).isReportedUnconfigured("luma")).isFalse();
    }

    /**
     * What a worker serving only xAI reports when it is ready; never calls the provider.
     */
    private void report(@Nullable String apiKey) {
        XaiAdapter xai = new XaiAdapter(new XaiProperties(URI.create("http://127.0.0.1:9"), apiKey, "url",
                Duration.ofSeconds(1), Duration.ofSeconds(1)), JsonMapper.builder().build());
        new ProviderStatusReporter(new ProviderRegistry(List.of(xai)), mongo.database(), CLOCK).report();
    }

}
