package com.aimedia.gateway.workers.provider.spi;

/** The provider failed or could not be reached (5xx, connection refused); whether a submit was received is unknown. */
public final class ProviderUnavailable extends RetryableException {

    public ProviderUnavailable(String message) {
        super(message, null);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROVIDER_ERROR;
    }
}
