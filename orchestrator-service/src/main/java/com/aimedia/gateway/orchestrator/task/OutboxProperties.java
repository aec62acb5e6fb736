package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay, which publishes versions a crashed writer left in task documents.
 *
 * @param relayInterval how often the relay looks for left-over entries
 * @param relayAfter how long an entry must have been pending before the relay takes it
 * (the writer normally publishes within milliseconds)
 * @param batchSize task documents handled per relay run
 */
@Validated
@ConfigurationProperties("gateway.orchestrator.outbox")
public record OutboxProperties(@DefaultValue("2s") @NotNull Duration relayInterval,
        @DefaultValue("5s") @NotNull Duration relayAfter, @DefaultValue("100") @Min(1) int batchSize) {

    public OutboxProperties {
        if (relayInterval.isNegative() || relayInterval.isZero()) {
            throw new IllegalArgumentException("gateway.orchestrator.outbox.relay-interval must be positive");
        }
        if (relayAfter.isNegative()) {
            throw new IllegalArgumentException("gateway.orchestrator.outbox.relay-after must not be negative");
        }
    }
}
