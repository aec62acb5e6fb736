package com.aimedia.gateway.simulators.kling;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Kling error answer: the HTTP status, the body {@code code} and {@code message}, and
 * optionally a {@code Retry-After} header (Kling does not document one; tests use it to
 * check that a client honours it).
 *
 * @param httpStatus the HTTP status of the answer
 * @param code the Kling business code of the body (see docs/providers/kling.md, "Errors")
 * @param message the body message
 * @param retryAfter the Retry-After header to send, or null for none
 */
public record KlingError(int httpStatus, int code, String message, @Nullable Duration retryAfter) {

    public KlingError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, null);
    }

    public static KlingError concurrencyLimit() {
        return new KlingError(429, 1303, "parallel task over resource pack limit");
    }

    public static KlingError arrears() {
        return new KlingError(429, 1101, "Account arrears, please recharge");
    }

    public static KlingError resourcePackDepleted() {
        return new KlingError(429, 1102, "Resource pack depleted or expired");
    }

    public static KlingError contentSecurity() {
        return new KlingError(400, 1301, "Content security policy: the input contains sensitive content");
    }

    public static KlingError serverError() {
        return new KlingError(500, 5000, "Server internal error");
    }

    public static KlingError unavailable() {
        return new KlingError(503, 5001, "Service temporarily unavailable");
    }

    public static KlingError gatewayTimeout() {
        return new KlingError(504, 5002, "Server internal timeout");
    }

    public static KlingError unauthorizedAccess() {
        return new KlingError(403, 1103, "Unauthorized access to the requested resource");
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final KlingError error;

        Answer(KlingError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        KlingError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
