package com.aimedia.gateway.simulators.doubao;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Ark error answer {@code {"error":{"code":..,"message":..,"param":"","type":..}}}
 * with its HTTP status (codes from the official error page, docs/providers/doubao.md).
 *
 * @param retryAfter a Retry-After header to send (not documented by Ark; tests use it),
 * or null
 */
public record DoubaoError(int httpStatus, String code, String message, String type, @Nullable Duration retryAfter) {

    public DoubaoError(int httpStatus, String code, String message, String type) {
        this(httpStatus, code, message, type, null);
    }

    public static DoubaoError authentication() {
        return new DoubaoError(401, "AuthenticationError", "The API key or AK/SK in the request is missing or invalid.",
                "Unauthorized");
    }

    public static DoubaoError accountOverdue() {
        return new DoubaoError(403, "AccountOverdueError",
                "The request failed because your account has an overdue balance.", "Forbidden");
    }

    public static DoubaoError accessDenied() {
        return new DoubaoError(403, "AccessDenied", "You do not have access to the requested resource.", "Forbidden");
    }

    public static DoubaoError inputTextSensitive() {
        return new DoubaoError(400, "InputTextSensitiveContentDetected",
                "The request failed because the input text may contain sensitive information.", "BadRequest");
    }

    public static DoubaoError rateLimited() {
        return new DoubaoError(429, "RateLimitExceeded.EndpointRPMExceeded",
                "The request has exceeded the RPM limit of the endpoint.", "TooManyRequests");
    }

    public static DoubaoError internal() {
        return new DoubaoError(500, "InternalServiceError", "The service encountered an unexpected internal error.",
                "InternalServerError");
    }

    public static DoubaoError invalidParameter(String message) {
        return new DoubaoError(400, "InvalidParameter", message, "BadRequest");
    }

    public DoubaoError withRetryAfter(Duration after) {
        return new DoubaoError(httpStatus, code, message, type, after);
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final DoubaoError error;

        Answer(DoubaoError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        DoubaoError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
