package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A provider that keeps answering 5xx stops being called, and is tried again once the
 * circuit's pause is over; one that answers 429 (a full account) is timed as rate
 * limited, not as failing.
 */
class ProviderCallsTest {

    private static final ProviderId KLING = ProviderId.of("kling");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ProviderCalls calls = new ProviderCalls(meters,
            new ProviderGuards(new ProviderLimitsProperties(
                    new ProviderLimitsProperties.Limits(20, 16, Duration.ofSeconds(2), 5, Duration.ofSeconds(30)),
                    Map.of()), clock, clock::advance, meters));

    private int providerCalls;

    @Test
    void should_stop_calling_a_provider_when_it_keeps_answering_5xx() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> calls.poll(KLING, this::serverError)).isInstanceOf(ProviderUnavailable.class);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(providerCalls).isEqualTo(5);
        assertThat(
                meters.get(WorkerMetrics.PROVIDER_REQUESTS).tag(WorkerMetrics.TAG_OUTCOME, "retryable").timer().count())
            .isEqualTo(5);
        assertThat(
                meters.get(WorkerMetrics.PROVIDER_REFUSED).tag(WorkerMetrics.TAG_REASON, "circuit").counter().count())
            .isEqualTo(15);
    }

    @Test
    void should_call_the_provider_again_when_the_pause_is_over_and_it_recovered() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.submit(KLING, this::serverError)).isInstanceOf(ProviderUnavailable.class);
        }
        clock.advance(Duration.ofSeconds(30));

        PollResult result = calls.poll(KLING, PollResult.Pending::inQueue);

        assertThat(result).isEqualTo(PollResult.Pending.inQueue());
        assertThat(meters.get(WorkerMetrics.PROVIDER_CIRCUIT).tag(WorkerMetrics.TAG_PROVIDER, "kling").gauge().value())
            .isZero();
    }

    @Test
    void should_time_a_providers_429_as_rate_limited_and_keep_its_circuit_closed() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> calls.submit(KLING, this::accountFull)).isInstanceOf(RateLimited.class);
        }

        assertThat(providerCalls).isEqualTo(10);
        assertThat(meters.get(WorkerMetrics.PROVIDER_REQUESTS)
            .tag(WorkerMetrics.TAG_OUTCOME, "rate_limited")
            .timer()
            .count()).isEqualTo(10);
        assertThat(meters.find(WorkerMetrics.PROVIDER_REQUESTS).tag(WorkerMetrics.TAG_OUTCOME, "retryable").timer())
            .isNull();
        assertThat(meters.get(WorkerMetrics.PROVIDER_CIRCUIT).tag(WorkerMetrics.TAG_PROVIDER, "kling").gauge().value())
            .isZero();
    }

    private PollResult accountFull() {
        providerCalls++;
        throw new RateLimited("The provider is over its concurrency limit.", null);
    }

    private PollResult serverError() {
        providerCalls++;
        throw new ProviderUnavailable("The provider failed with a server error.");
    }

}
