package com.aimedia.gateway.workers.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that refills at a steady rate and holds {@code capacity} tokens. A
 * caller reserves a token ahead of time when it is due within the caller's maximum wait
 * (the bucket goes negative), so callers queue fairly in the order they asked and the
 * next caller's wait includes theirs.
 */
final class TokenBucket {

    private final double perSecond;

    private final double capacity;

    private final Clock clock;

    private double tokens;

    private Instant refilledAt;

    TokenBucket(double perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.clock = clock;
        this.tokens = capacity;
        this.refilledAt = clock.instant();
    }

    /**
     * Takes one token, now or within {@code maxWait}; refused takes nothing and says when
     * a token would be due.
     */
    synchronized Reservation reserve(Duration maxWait) {
        refill();
        Duration wait = tokens >= 1 ? Duration.ZERO
                : Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        if (wait.compareTo(maxWait) > 0) {
            return new Reservation(false, wait);
        }
        tokens -= 1;
        return new Reservation(true, wait);
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsedSeconds * perSecond);
            refilledAt = now;
        }
    }

    /**
     * @param granted whether a token is reserved
     * @param delay granted: how long to wait before calling; refused: how long until a
     * token is due
     */
    record Reservation(boolean granted, Duration delay) {
    }

}
