package com.aimedia.gateway.workers.limits;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.ProviderId;

/**
 * Local limits on the calls to each provider account (docs/design.md section 5), per
 * worker replica: with N replicas a provider sees up to N times these numbers.
 *
 * @param defaults {@code gateway.workers.limits.default.*}, the limits of every provider
 * @param providers {@code gateway.workers.limits.providers.<id>.*}, per-provider
 * overrides of single settings
 */
@Validated
@ConfigurationProperties("gateway.workers.limits")
public record ProviderLimitsProperties(@Name("default") @DefaultValue @Valid Limits defaults,
        @DefaultValue @Valid Map<String, LimitsOverride> providers) {

    /** The limits of one provider: its override where set, the defaults otherwise. */
    Limits limitsFor(ProviderId provider) {
        LimitsOverride override = providers.get(provider.value());
        return override == null ? defaults : override.over(defaults);
    }

    /**
     * @param requestsPerSecond token bucket refill rate; the bucket holds one second's
     * worth (at least one token)
     * @param maxConcurrent provider calls in flight at once
     * @param maxWait how long a call may wait for a token or a free slot before it is
     * refused as rate limited
     * @param failureThreshold consecutive retryable failures (5xx, timeouts) that open
     * the circuit
     * @param openFor how long an open circuit refuses calls before one trial call may go
     * through (half-open)
     */
    public record Limits(@DefaultValue("20") @Positive double requestsPerSecond,
            @DefaultValue("16") @Min(1) int maxConcurrent, @DefaultValue("2s") @NotNull Duration maxWait,
            @DefaultValue("5") @Min(1) int failureThreshold, @DefaultValue("30s") @NotNull Duration openFor) {
    }

    /** The settings a provider overrides; an unset one (null) keeps the default. */
    public record LimitsOverride(@Nullable @Positive Double requestsPerSecond, @Nullable @Min(1) Integer maxConcurrent,
            @Nullable Duration maxWait, @Nullable @Min(1) Integer failureThreshold, @Nullable Duration openFor) {

        Limits over(Limits defaults) {
            return new Limits(requestsPerSecond == null ? defaults.requestsPerSecond() : requestsPerSecond,
                    maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent,
                    maxWait == null ? defaults.maxWait() : maxWait,
                    failureThreshold == null ? defaults.failureThreshold() : failureThreshold,
                    openFor == null ? defaults.openFor() : openFor);
        }
    }
}
