package com.aimedia.gateway.workers.provider.spi;

/** The gateway's error codes (TaskStatusReported.errorCode, task {@code error_code}). */
public enum ErrorCode {

    CONTENT_POLICY("content_policy"), INSUFFICIENT_CREDITS("insufficient_credits"),
    INVALID_PARAMETER("invalid_parameter"), PROVIDER_AUTH("provider_auth"), PROVIDER_TIMEOUT("provider_timeout"),
    PROVIDER_ERROR("provider_error"), RATE_LIMITED("rate_limited"), SUBMISSION_UNCERTAIN("submission_uncertain"),
    PROVIDER_UNAVAILABLE("provider_unavailable"), NOT_FOUND("not_found"),
    /** The tenant stored its daily allowance of output bytes (gateway.storage.quota). */
    STORAGE_QUOTA_EXCEEDED("storage_quota_exceeded");

    private final String wireValue;

    ErrorCode(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

}
