package com.aimedia.gateway.workers.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ProviderId;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProviderGuardTest {

    private static final ProviderId KLING = ProviderId.of("kling");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final List<Duration> sleeps = new ArrayList<>();

    private int calls;

    @Test
    void should_wait_for_a_token_then_call_when_one_is_due_within_the_max_wait() {
        ProviderGuard guard = guard(
                new ProviderLimitsProperties.Limits(1, 16, Duration.ofSeconds(2), 5, Duration.ofSeconds(30)));
        call(guard);

        call(guard);

        assertThat(calls).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void should_refuse_as_rate_limited_with_the_predicted_wait_when_no_token_is_due_in_time() {
        ProviderGuard guard = guard(
                new ProviderLimitsProperties.Limits(1, 16, Duration.ZERO, 5, Duration.ofSeconds(30)));
        call(guard);

        assertThatThrownBy(() -> call(guard)).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        assertThat(calls).isEqualTo(1);
        assertThat(refused("rate")).isEqualTo(1);
    }

    @Test
    void should_refuse_as_rate_limited_when_every_slot_is_in_flight() {
        ProviderGuard guard = guard(
                new ProviderLimitsProperties.Limits(20, 1, Duration.ZERO, 5, Duration.ofSeconds(30)));

        guard.call(() -> {
            assertThatThrownBy(() -> call(guard)).isInstanceOf(RateLimited.class);
            return "outer";
        });
        call(guard);

        assertThat(calls).isEqualTo(1);
        assertThat(refused("concurrency")).isEqualTo(1);
    }

    @Test
    void should_fail_fast_without_calling_when_the_circuit_is_open() {
        ProviderGuard guard = guard(limits(2));
        fail(guard, new ProviderUnavailable("500"));
        fail(guard, new ProviderTimeout("timeout"));
        clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(() -> call(guard)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.providerCalled()).isFalse();
            assertThat(e.getMessage()).isEqualTo("The provider is failing; calls are paused for 25 s.");
        });
        assertThat(calls).isZero();
        assertThat(refused("circuit")).isEqualTo(1);
        assertThat(circuitGauge()).isEqualTo(1);
    }

    @Test
    void should_close_the_circuit_when_the_half_open_trial_succeeds() {
        ProviderGuard guard = guard(limits(1));
        fail(guard, new ProviderUnavailable("500"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuitGauge()).isEqualTo(0.5);

        call(guard);

        assertThat(circuitGauge()).isZero();
        call(guard);
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void should_reopen_the_circuit_when_the_half_open_trial_fails() {
        ProviderGuard guard = guard(limits(1));
        fail(guard, new ProviderUnavailable("500"));
        clock.advance(Duration.ofSeconds(30));

        fail(guard, new ProviderUnavailable("500"));

        assertThat(circuitGauge()).isEqualTo(1);
        assertThatThrownBy(() -> call(guard)).isInstanceOf(ProviderUnavailable.class);
        assertThat(calls).isZero();
    }

    @Test
    void should_keep_the_circuit_closed_when_the_provider_refuses_permanently_or_rate_limits() {
        ProviderGuard guard = guard(limits(2));

        for (int i = 0; i < 3; i++) {
            fail(guard, new ContentRejected("The provider rejected the prompt under its content policy."));
            fail(guard, new RateLimited("busy", null));
        }

        assertThat(circuitGauge()).isZero();
        call(guard);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void should_apply_a_providers_overrides_and_the_defaults_to_the_others() {
        ProviderGuards guards = new ProviderGuards(
                new ProviderLimitsProperties(limits(5),
                        Map.of("kling", new ProviderLimitsProperties.LimitsOverride(null, null, null, 1, null))),
                clock, sleeps::add, meters);
        ProviderId luma = ProviderId.of("luma");

        fail(guards.forProvider(KLING), new ProviderUnavailable("500"));
        fail(guards.forProvider(luma), new ProviderUnavailable("500"));

        assertThat(guards.forProvider(KLING).circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(guards.forProvider(luma).circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static ProviderLimitsProperties.Limits limits(int failureThreshold) {
        return new ProviderLimitsProperties.Limits(20, 16, Duration.ofSeconds(2), failureThreshold,
                Duration.ofSeconds(30));
    }

    private ProviderGuard guard(ProviderLimitsProperties.Limits limits) {
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
        return new ProviderGuards(new ProviderLimitsProperties(limits, Map.of()), clock, sleeper, meters)
            .forProvider(KLING);
    }

    private void call(ProviderGuard guard) {
        guard.call(() -> ++calls);
    }

    private static void fail(ProviderGuard guard, RuntimeException error) {
        assertThatThrownBy(() -> guard.call(() -> {
            throw error;
        })).isSameAs(error);
    }

    private double refused(String reason) {
        return meters.get(WorkerMetrics.PROVIDER_REFUSED)
            .tag(WorkerMetrics.TAG_PROVIDER, "kling")
            .tag(WorkerMetrics.TAG_REASON, reason)
            .counter()
            .count();
    }

    private double circuitGauge() {
        return meters.get(WorkerMetrics.PROVIDER_CIRCUIT).tag(WorkerMetrics.TAG_PROVIDER, "kling").gauge().value();
    }

}
