package com.aimedia.gateway.workers.submission;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * A provider's Retry-After, clamped to [base, 2 x base] with plus or minus 20% jitter
 * (STYLE.md, after svix).
 */
final class RetryDelay {

    private final Duration base;

    private final DoubleSupplier random;

    RetryDelay(Duration base, DoubleSupplier random) {
        this.base = base;
        this.random = random;
    }

    Duration after(Optional<Duration> retryAfter) {
        Duration wanted = retryAfter.orElse(base);
        Duration max = base.multipliedBy(2);
        Duration clamped = wanted.compareTo(base) < 0 ? base : wanted.compareTo(max) > 0 ? max : wanted;
        double jitter = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.round(clamped.toMillis() * jitter));
    }

}
