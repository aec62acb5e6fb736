package com.aimedia.gateway.workers.provider.spi;

/** The provider refused a parameter of the request. */
public final class InvalidRequest extends PermanentException {

    public InvalidRequest(String message) {
        super(message, null);
    }

    public InvalidRequest(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INVALID_PARAMETER;
    }

}
