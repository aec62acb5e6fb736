package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

/** Trying again later may work. */
public abstract sealed class RetryableException extends ProviderException
        permits RateLimited, ProviderUnavailable, ProviderTimeout {

    protected RetryableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

}
