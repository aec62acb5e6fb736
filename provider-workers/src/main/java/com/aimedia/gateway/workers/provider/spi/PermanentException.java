package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.platform.kafka.PermanentFailure;

/** Trying again cannot help; the task fails with {@link #errorCode()}. */
public abstract sealed class PermanentException extends ProviderException implements PermanentFailure
        permits InvalidRequest, AuthenticationFailed, ContentRejected, InsufficientCredits, NotFound,
        ProviderNotConfigured, SubmissionUncertain {

    protected PermanentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

}
