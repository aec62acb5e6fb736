package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.delivery.AttemptResult.NoResponse;
import com.aimedia.gateway.callback.delivery.AttemptResult.Refused;
import com.aimedia.gateway.callback.delivery.AttemptResult.Responded;
import com.aimedia.gateway.callback.delivery.AttemptResult.TimedOut;

/**
 * Decides, in pure code, what an attempt means: only 2xx delivers; 410 stops; a refused
 * URL fails at once; anything else (3xx included) is retried after the configured
 * schedule entry, +-jitter, or after the receiver's Retry-After clamped to [scheduled, 2
 * x scheduled]. 429 and timeouts wait at least the minimum throttle back-off. After the
 * last schedule entry the delivery has failed.
 */
final class RetryPolicy {

    private static final int TOO_MANY_REQUESTS = 429;

    private static final int GONE = 410;

    private final List<Duration> schedule;

    private final double jitter;

    private final Duration minThrottleBackoff;

    private final Clock clock;

    private final RandomGenerator random;

    RetryPolicy(List<Duration> schedule, double jitter, Duration minThrottleBackoff, Clock clock,
            RandomGenerator random) {
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.minThrottleBackoff = minThrottleBackoff;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param attemptNumber 1 for the first attempt
     */
    Outcome decide(AttemptResult result, int attemptNumber) {
        return switch (result) {
            case Refused refused -> new Outcome.Refused();
            case Responded responded when responded.successful() -> new Outcome.Delivered();
            case Responded responded when responded.status() == GONE -> new Outcome.Gone();
            case Responded responded ->
                retryOrGiveUp(attemptNumber, responded.status() == TOO_MANY_REQUESTS, responded.retryAfter());
            case TimedOut timedOut -> retryOrGiveUp(attemptNumber, true, null);
            case NoResponse noResponse -> retryOrGiveUp(attemptNumber, false, null);
        };
    }

    private Outcome retryOrGiveUp(int attemptNumber, boolean throttled, @Nullable String retryAfter) {
        if (attemptNumber > schedule.size()) {
            return new Outcome.Exhausted();
        }
        Instant now = clock.instant();
        return new Outcome.Retry(now.plus(delay(attemptNumber, throttled, retryAfter, now)));
    }

    /**
     * The wait after failed attempt {@code attemptNumber} (1-based, at most the
     * schedule's size).
     */
    Duration delay(int attemptNumber, boolean throttled, @Nullable String retryAfter, Instant now) {
        Duration scheduled = schedule.get(attemptNumber - 1);
        if (throttled && scheduled.compareTo(minThrottleBackoff) < 0) {
            scheduled = minThrottleBackoff;
        }
        Duration asked = retryAfter == null ? null : parseRetryAfter(retryAfter, now);
        if (asked != null) {
            return clamp(asked, scheduled, scheduled.multipliedBy(2));
        }
        return jittered(scheduled);
    }

    private Duration jittered(Duration scheduled) {
        double factor = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        return Duration.ofMillis(Math.round(scheduled.toMillis() * factor));
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /**
     * A Retry-After value (RFC 9110): delay-seconds or an HTTP date. Null when it is
     * neither, so that a malformed header falls back to the schedule.
     */
    static @Nullable Duration parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.length() > 12 ? Duration.ofSeconds(999_999_999_999L)
                    : Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

}
