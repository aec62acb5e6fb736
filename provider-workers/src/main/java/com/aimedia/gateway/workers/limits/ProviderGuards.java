package com.aimedia.gateway.workers.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.aimedia.gateway.workers.provider.spi.ProviderId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link ProviderGuard} per provider account, shared by submits and polls, with its
 * limits from {@link ProviderLimitsProperties}; registers the
 * {@value WorkerMetrics#PROVIDER_CIRCUIT} gauge and the
 * {@value WorkerMetrics#PROVIDER_REFUSED} counters of each provider.
 */
public final class ProviderGuards {

    private final ProviderLimitsProperties properties;

    private final Clock clock;

    private final Sleeper sleeper;

    private final MeterRegistry meters;

    private final Map<ProviderId, ProviderGuard> guards = new ConcurrentHashMap<>();

    public ProviderGuards(ProviderLimitsProperties properties, Clock clock, Sleeper sleeper, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.sleeper = sleeper;
        this.meters = meters;
    }

    ProviderGuard forProvider(ProviderId provider) {
        return guards.computeIfAbsent(provider, this::create);
    }

    private ProviderGuard create(ProviderId provider) {
        ProviderLimitsProperties.Limits limits = properties.limitsFor(provider);
        ProviderGuard guard = new ProviderGuard(new TokenBucket(limits.requestsPerSecond(), clock),
                new ConcurrencyLimit(limits.maxConcurrent()),
                new CircuitBreaker(limits.failureThreshold(), limits.openFor(), clock), limits.maxWait(), sleeper,
                new ProviderGuard.Refusals(refusals(provider, WorkerMetrics.REASON_RATE),
                        refusals(provider, WorkerMetrics.REASON_CONCURRENCY),
                        refusals(provider, WorkerMetrics.REASON_CIRCUIT)));
        // the map holds the guard for good, so the gauge's weak reference stays valid
        Gauge.builder(WorkerMetrics.PROVIDER_CIRCUIT, guard, g -> g.circuit().gaugeValue())
            .description("Circuit breaker of each provider: 0 closed, 0.5 half-open, 1 open")
            .tag(WorkerMetrics.TAG_PROVIDER, provider.value())
            .register(meters);
        return guard;
    }

    private Runnable refusals(ProviderId provider, String reason) {
        Counter counter = Counter.builder(WorkerMetrics.PROVIDER_REFUSED)
            .description("Provider calls the gateway refused itself, by provider and reason")
            .tag(WorkerMetrics.TAG_PROVIDER, provider.value())
            .tag(WorkerMetrics.TAG_REASON, reason)
            .register(meters);
        return counter::increment;
    }

}
