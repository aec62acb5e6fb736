package com.aimedia.gateway.workers.provider.spi;

/** The provider account has no credits left (even when the provider answers 429). */
public final class InsufficientCredits extends PermanentException {

    public InsufficientCredits(String message) {
        super(message, null);
    }

    public InsufficientCredits(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INSUFFICIENT_CREDITS;
    }

}
