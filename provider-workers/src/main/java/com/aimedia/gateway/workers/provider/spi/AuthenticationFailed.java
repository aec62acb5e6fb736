package com.aimedia.gateway.workers.provider.spi;

/**
 * The provider refused the gateway's credentials or account (including account problems
 * and IP allow-lists).
 */
public final class AuthenticationFailed extends PermanentException {

    public AuthenticationFailed(String message) {
        super(message, null);
    }

    public AuthenticationFailed(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROVIDER_AUTH;
    }

}
