package com.aimedia.gateway.simulators.bfl;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One BFL error answer. BFL's API is FastAPI: errors carry {@code {"detail": ...}} (a
 * string, or a list of {@code {loc,msg,type}} for 422). The skills repo's example clients
 * read {@code {"error": ...}}; {@link #errorKey} renders that shape instead, so a client
 * can be checked against both.
 *
 * @param httpStatus the HTTP status
 * @param detail the {@code detail} text
 * @param retryAfter the Retry-After header to send, or null
 * @param errorKey true to render {@code {"error": detail}} instead of {@code {"detail":
 * detail}}
 * @param field for a 422: the body field at fault, rendered as
 * {@code {"detail":[{"loc":["body",field],...}]}}
 */
public record BflError(int httpStatus, String detail, @Nullable Duration retryAfter, boolean errorKey,
        @Nullable String field) {

    public BflError(int httpStatus, String detail) {
        this(httpStatus, detail, null, false, null);
    }

    /** A FastAPI validation error (422) naming one body field. */
    public static BflError invalid(String field, String message) {
        return new BflError(422, message, null, false, field);
    }

    /** The same error in the skills repo's {@code {"error": ...}} shape. */
    public BflError asErrorKey() {
        return new BflError(httpStatus, detail, retryAfter, true, field);
    }

    public static BflError notAuthenticated() {
        return new BflError(401, "Not authenticated: invalid or missing x-key");
    }

    public static BflError forbidden() {
        return new BflError(403, "Forbidden: this key may not use this endpoint");
    }

    public static BflError insufficientCredits() {
        return new BflError(402, "Insufficient credits. Add credits at https://dashboard.bfl.ai");
    }

    public static BflError tooManyActiveTasks(@Nullable Duration retryAfter) {
        return new BflError(429, "You have reached the maximum number of active tasks (24). Wait for some to finish.",
                retryAfter, false, null);
    }

    public static BflError serverError() {
        return new BflError(500, "Internal Server Error");
    }

    public static BflError unavailable() {
        return new BflError(503, "Service Unavailable");
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final BflError error;

        Answer(BflError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }

        BflError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
