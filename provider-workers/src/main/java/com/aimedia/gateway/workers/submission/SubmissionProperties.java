package com.aimedia.gateway.workers.submission;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How submissions are retried.
 *
 * @param maxAttempts deliveries of one TaskSubmitted that may hit a retryable provider
 * error before the task is reported FAILED (rate_limited, provider_error or
 * provider_timeout); must not exceed the Kafka error handler's deliveries
 * ({@code gateway.kafka.retry-attempts} + 1), or the record would reach the DLT first
 * @param rateLimitBackoff base wait before a rate-limited submit is retried; a provider's
 * Retry-After is honoured but clamped to [base, 2 x base], plus or minus 20% jitter
 * @param lease how long an attempt in flight stays leased to its worker process without a
 * renewal (renewed every third of it while the provider call runs): the longest a killed
 * process blocks the takeover of its attempt
 */
@Validated
@ConfigurationProperties("gateway.workers.submission")
public record SubmissionProperties(@DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration rateLimitBackoff, @DefaultValue("10s") @NotNull Duration lease) {

    public SubmissionProperties {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("gateway.workers.submission.lease must be at least 1s, got " + lease);
        }
    }
}
