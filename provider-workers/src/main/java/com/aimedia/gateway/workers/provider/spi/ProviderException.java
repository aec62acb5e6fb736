package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

/**
 * A provider call went wrong. The message is for users: it never carries a credential.
 */
public abstract sealed class ProviderException extends RuntimeException permits RetryableException, PermanentException {

    protected ProviderException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** The gateway error code a task fails with when this is the final word. */
    public abstract ErrorCode errorCode();

}
