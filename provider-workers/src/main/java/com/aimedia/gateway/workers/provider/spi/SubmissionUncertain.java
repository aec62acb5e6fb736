package com.aimedia.gateway.workers.provider.spi;

/**
 * A submit's outcome is unknown and the provider cannot look the task up, so it is not
 * sent again.
 */
public final class SubmissionUncertain extends PermanentException {

    public SubmissionUncertain(String message) {
        super(message, null);
    }

    public SubmissionUncertain(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.SUBMISSION_UNCERTAIN;
    }

}
