package com.aimedia.gateway.workers.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Provider guards for tests about something else: the default limits, and waiting for a
 * token never sleeps.
 */
public final class TestGuards {

    static final ProviderLimitsProperties.Limits DEFAULTS = new ProviderLimitsProperties.Limits(20, 16,
            Duration.ofSeconds(2), 5, Duration.ofSeconds(30));

    private TestGuards() {
    }

    public static ProviderGuards defaults(Clock clock, MeterRegistry meters) {
        return new ProviderGuards(new ProviderLimitsProperties(DEFAULTS, Map.of()), clock, duration -> {
        }, meters);
    }

    /** Provider calls guarded by the default limits, timed into {@code meters}. */
    public static ProviderCalls calls(Clock clock, MeterRegistry meters) {
        return new ProviderCalls(meters, defaults(clock, meters));
    }

}
