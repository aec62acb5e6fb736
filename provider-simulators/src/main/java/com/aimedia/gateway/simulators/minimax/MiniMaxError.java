package com.aimedia.gateway.simulators.minimax;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One MiniMax error answer. MiniMax reports errors with HTTP 200 and a non-zero
 * {@code base_resp.status_code} (docs/providers/minimax.md); {@code httpStatus} other
 * than 200 simulates a gateway or load balancer failure in front.
 *
 * @param httpStatus the HTTP status (200 for MiniMax's own errors)
 * @param code the {@code base_resp.status_code}
 * @param message the {@code base_resp.status_msg}
 * @param retryAfter a Retry-After header (MiniMax documents none; tests use it), or null
 */
public record MiniMaxError(int httpStatus, int code, String message, @Nullable Duration retryAfter) {

    public MiniMaxError(int code, String message) {
        this(200, code, message, null);
    }

    public static MiniMaxError authFailed() {
        return new MiniMaxError(1004, "login fail: Please carefully check the API secret key");
    }

    public static MiniMaxError rateLimited(@Nullable Duration retryAfter) {
        return new MiniMaxError(200, 1002, "rate limit exceeded", retryAfter);
    }

    public static MiniMaxError insufficientBalance() {
        return new MiniMaxError(1008, "insufficient balance");
    }

    public static MiniMaxError inputSensitive() {
        return new MiniMaxError(1026, "input new_sensitive");
    }

    public static MiniMaxError internal() {
        return new MiniMaxError(1024, "internal error");
    }

    public static MiniMaxError realNameRequired() {
        return new MiniMaxError(2038, "real-name verification is required for this account");
    }

    public static MiniMaxError invalidParams(String detail) {
        return new MiniMaxError(2013, "invalid params, " + detail);
    }

    /** A failure of the infrastructure in front of MiniMax, not a MiniMax answer. */
    public static MiniMaxError badGateway() {
        return new MiniMaxError(502, 0, "", null);
    }

    static final class Answer extends RuntimeException {

        private final MiniMaxError error;

        Answer(MiniMaxError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        MiniMaxError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
