package com.aimedia.gateway.workers.provider.spi;

/** The provider has no credentials configured, so none of its tasks can run. */
public final class ProviderNotConfigured extends PermanentException {

    public ProviderNotConfigured(String message) {
        super(message, null);
    }

    public ProviderNotConfigured(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROVIDER_UNAVAILABLE;
    }

}
