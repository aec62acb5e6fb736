package com.aimedia.gateway.workers.provider.spi;

/** The provider did not answer in time; whether a submit was received is unknown. */
public final class ProviderTimeout extends RetryableException {

    public ProviderTimeout(String message) {
        super(message, null);
    }

    public ProviderTimeout(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROVIDER_TIMEOUT;
    }

}
