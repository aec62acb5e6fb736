package com.aimedia.gateway.simulators.jimeng;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One error answer of the VolcEngine visual API: either a business error
 * ({@code {"code":..,"message":..}}, often with HTTP 200) or, when {@code metadataCode}
 * is set, a gateway-level error in the {@code ResponseMetadata} envelope
 * ({@code SignatureDoesNotMatch}, {@code InvalidActionOrVersion}).
 *
 * @param httpStatus the HTTP status of the answer
 * @param code the business code (ignored for gateway-level errors)
 * @param message the message
 * @param metadataCode the {@code ResponseMetadata.Error.Code}, or null for a business
 * error
 * @param retryAfter a Retry-After header to send (not documented by VolcEngine; tests use
 * it), or null
 */
public record JimengError(int httpStatus, int code, String message, @Nullable String metadataCode,
        @Nullable Duration retryAfter) {

    public static JimengError business(int httpStatus, int code, String message) {
        return new JimengError(httpStatus, code, message, null, null);
    }

    public static JimengError gateway(int httpStatus, String metadataCode, String message) {
        return new JimengError(httpStatus, 0, message, metadataCode, null);
    }

    public static JimengError concurrencyLimit() {
        return business(429, 50430, "Request Has Reached API Concurrent Limit, Please Try Later");
    }

    public static JimengError internalError() {
        return business(500, 50500, "Internal Error");
    }

    public static JimengError textRisk() {
        return business(200, 50412, "Text Risk Not Pass");
    }

    public static JimengError outputRisk() {
        return business(200, 50511, "Post Img Risk Not Pass");
    }

    public static JimengError accountOverdue() {
        return business(200, 50400, "Access Denied: account overdue, insufficient balance");
    }

    public static JimengError accessDenied() {
        return gateway(403, "AccessDenied", "Access Denied");
    }

    public JimengError withRetryAfter(Duration after) {
        return new JimengError(httpStatus, code, message, metadataCode, after);
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final JimengError error;

        Answer(JimengError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        JimengError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
