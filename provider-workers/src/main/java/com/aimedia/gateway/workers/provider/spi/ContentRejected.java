package com.aimedia.gateway.workers.provider.spi;

/** The provider refused the content under its policy. */
public final class ContentRejected extends PermanentException {

    public ContentRejected(String message) {
        super(message, null);
    }

    public ContentRejected(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.CONTENT_POLICY;
    }

}
