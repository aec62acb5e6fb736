package com.aimedia.gateway.orchestrator.polling;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable poll scheduler.
 *
 * @param tick how often the scheduler looks for due polls
 * @param defaultInterval delay from acceptance to the first poll, for providers without
 * their own interval
 * @param maxInterval the longest delay between two polls of one task
 * @param backoffMultiplier each poll waits this many times longer than the one before, up
 * to maxInterval
 * @param acceptanceCheck how long after creation a task the provider has not been seen to
 * accept waits before the workers are asked what became of its submission; then twice as
 * long after each check, up to maxAcceptanceCheckInterval
 * @param maxAcceptanceCheckInterval the longest delay between two checks of a task still
 * not seen accepted (tasks queued behind a provider account's limit wait long, and each
 * check costs a claim and a round to the workers)
 * @param deadline how long after creation a task may run before it fails with
 * provider_timeout
 * @param batchSize most polls claimed per tick
 * @param parallelism polls of one tick claimed and requested at once (each waits for a
 * MongoDB write and a Kafka acknowledgement)
 * @param providers per-provider overrides, by provider id
 */
@Validated
@ConfigurationProperties("gateway.orchestrator.polling")
public record PollingProperties(@DefaultValue("500ms") @NotNull Duration tick,
        @DefaultValue("5s") @NotNull Duration defaultInterval, @DefaultValue("60s") @NotNull Duration maxInterval,
        @DefaultValue("1.5") @DecimalMin("1.0") double backoffMultiplier,
        @DefaultValue("20s") @NotNull Duration acceptanceCheck,
        @DefaultValue("5m") @NotNull Duration maxAcceptanceCheckInterval,
        @DefaultValue("30m") @NotNull Duration deadline, @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("16") @Min(1) @Max(256) int parallelism,
        @DefaultValue Map<String, @Valid ProviderPolling> providers) {

    public PollingProperties {
        positive("tick", tick);
        positive("default-interval", defaultInterval);
        positive("max-interval", maxInterval);
        positive("acceptance-check", acceptanceCheck);
        positive("max-acceptance-check-interval", maxAcceptanceCheckInterval);
        positive("deadline", deadline);
        providers = Map.copyOf(providers);
        providers.forEach((provider, polling) -> {
            positive("providers." + provider + ".interval", polling.interval());
            positive("providers." + provider + ".deadline", polling.deadline());
        });
    }

    /**
     * One provider's overrides; an absent value falls back to the default.
     *
     * @param interval delay from acceptance to the first poll
     * @param deadline how long after creation a task of this provider may run
     */
    public record ProviderPolling(@Nullable Duration interval, @Nullable Duration deadline) {
    }

    private static void positive(String name, @Nullable Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("gateway.orchestrator.polling." + name + " must be positive");
        }
    }
}
