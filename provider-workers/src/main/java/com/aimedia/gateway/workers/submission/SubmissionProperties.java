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
 * error other than a rate limit (provider_error, provider_timeout) before the task is
 * reported FAILED; must not exceed the Kafka error handler's deliveries
 * ({@code gateway.kafka.retry-attempts} + 1), or the record would reach the DLT first. A
 * rate-limited submit does not count: it waits its turn under {@code rateLimitPatience}
 * @param rateLimitBackoff base wait before a rate-limited submit is retried; a provider's
 * Retry-After is honoured but clamped to [base, 2 x base], plus or minus 20% jitter. The
 * consumer thread waits it without polling, so at most one minute (2.4 minutes at most
 * with the clamp and the jitter, well within the consumer's 5 minute
 * {@code max.poll.interval.ms})
 * @param rateLimitPatience how long a task may keep being refused for the provider's rate
 * or concurrency limit (its 429), counted from the first refusal, before it fails
 * {@code rate_limited}; until then it stays queued and is retried after
 * {@code rateLimitBackoff}
 * @param endedCheckAfter a task older than this is not sent before its status is read:
 * the orchestrator may have ended it while it waited (its deadline passed while it queued
 * behind the provider account's limit), and a provider job for an ended task would run,
 * and be paid for, for nothing
 * @param lease how long an attempt in flight stays leased to its worker process without a
 * renewal (renewed every third of it while the provider call runs): the longest a killed
 * process blocks the takeover of its attempt
 */
@Validated
@ConfigurationProperties("gateway.workers.submission")
public record SubmissionProperties(@DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration rateLimitBackoff,
        @DefaultValue("30m") @NotNull Duration rateLimitPatience, @DefaultValue("1m") @NotNull Duration endedCheckAfter,
        @DefaultValue("10s") @NotNull Duration lease) {

    static final Duration MAX_RATE_LIMIT_BACKOFF = Duration.ofMinutes(1);

    public SubmissionProperties {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("gateway.workers.submission.lease must be at least 1s, got " + lease);
        }
        if (!rateLimitBackoff.isPositive() || rateLimitBackoff.compareTo(MAX_RATE_LIMIT_BACKOFF) > 0) {
            throw new IllegalArgumentException("gateway.workers.submission.rate-limit-backoff must be more than 0 and "
                    + "at most 1m (a consumer waits it without polling), got " + rateLimitBackoff);
        }
        if (!rateLimitPatience.isPositive()) {
            throw new IllegalArgumentException(
                    "gateway.workers.submission.rate-limit-patience must be more than 0, got " + rateLimitPatience);
        }
    }
}
