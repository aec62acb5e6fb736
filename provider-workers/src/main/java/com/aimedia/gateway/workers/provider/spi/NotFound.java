package com.aimedia.gateway.workers.provider.spi;

/** The provider has no such resource (task or model). */
public final class NotFound extends PermanentException {

    public NotFound(String message) {
        super(message, null);
    }

    public NotFound(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.NOT_FOUND;
    }

}
