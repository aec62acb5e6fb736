package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

/**
 * The provider failed or could not be reached (5xx, connection refused); whether a submit
 * was received is unknown, unless the gateway refused the call itself without calling the
 * provider ({@link #notCalled}, an open circuit).
 */
public final class ProviderUnavailable extends RetryableException {

    private final boolean providerCalled;

    public ProviderUnavailable(String message) {
        this(message, null, true);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        this(message, cause, true);
    }

    private ProviderUnavailable(String message, @Nullable Throwable cause, boolean providerCalled) {
        super(message, cause);
        this.providerCalled = providerCalled;
    }

    /**
     * The gateway did not call the provider at all (it knows the provider is down), so
     * nothing was received.
     */
    public static ProviderUnavailable notCalled(String message) {
        return new ProviderUnavailable(message, null, false);
    }

    /** False only when the provider provably never saw the request. */
    public boolean providerCalled() {
        return providerCalled;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROVIDER_ERROR;
    }

}
