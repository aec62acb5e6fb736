package com.aimedia.gateway.simulators.wan;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One DashScope error answer {@code {"request_id":..,"code":..,"message":..}} with its
 * HTTP status (docs/providers/wan.md section 13).
 *
 * @param retryAfter a Retry-After header to send (not documented by DashScope; tests use
 * it), or null
 */
public record WanError(int httpStatus, String code, String message, @Nullable Duration retryAfter) {

    public WanError(int httpStatus, String code, String message) {
        this(httpStatus, code, message, null);
    }

    public static WanError invalidApiKey() {
        return new WanError(401, "InvalidApiKey", "Invalid API-key provided.");
    }

    public static WanError synchronousCall() {
        return new WanError(403, "AccessDenied", "current user api does not support synchronous calls");
    }

    public static WanError accessDenied() {
        return new WanError(403, "AccessDenied", "Access denied.");
    }

    public static WanError arrearage() {
        return new WanError(400, "Arrearage", "Access denied, please make sure your account is in good standing.");
    }

    public static WanError dataInspection() {
        return new WanError(400, "DataInspectionFailed", "Input data may contain inappropriate content.");
    }

    public static WanError rateQuota() {
        return new WanError(429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.");
    }

    public static WanError allocationQuota() {
        return new WanError(429, "Throttling.AllocationQuota",
                "Allocated quota exceeded, please increase your quota limit.");
    }

    public static WanError internal() {
        return new WanError(500, "InternalError", "An internal error has occured, please try again later.");
    }

    public static WanError invalidParameter(String message) {
        return new WanError(400, "InvalidParameter", message);
    }

    public WanError withRetryAfter(Duration after) {
        return new WanError(httpStatus, code, message, after);
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final WanError error;

        Answer(WanError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        WanError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
