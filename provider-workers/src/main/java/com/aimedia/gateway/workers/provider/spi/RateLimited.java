package com.aimedia.gateway.workers.provider.spi;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the request for now (rate or concurrency limit); it provably did
 * not create the task.
 */
public final class RateLimited extends RetryableException {

    private final @Nullable Duration retryAfter;

    public RateLimited(String message, @Nullable Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    /** The provider's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.RATE_LIMITED;
    }

}
