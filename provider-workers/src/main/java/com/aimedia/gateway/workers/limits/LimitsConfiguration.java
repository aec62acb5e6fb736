package com.aimedia.gateway.workers.limits;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.workers.provider.spi.ProviderRegistry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One guard per served provider, shared by submits and polls, and the one way every
 * provider call is made.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    /** Created up front so every provider has its circuit gauge before its first call. */
    @Bean
    ProviderGuards providerGuards(ProviderRegistry registry, ProviderLimitsProperties limits, Clock clock,
            MeterRegistry meters) {
        ProviderGuards guards = new ProviderGuards(limits, clock, Sleeper.threadSleep(), meters);
        registry.all().forEach(adapter -> guards.forProvider(adapter.id()));
        return guards;
    }

    @Bean
    ProviderCalls providerCalls(MeterRegistry meters, ProviderGuards guards) {
        return new ProviderCalls(meters, guards);
    }

}
