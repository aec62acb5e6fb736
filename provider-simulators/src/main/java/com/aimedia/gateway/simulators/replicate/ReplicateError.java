package com.aimedia.gateway.simulators.replicate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Replicate error answer, rendered as {@code {"title":..,"detail":..,"status":..}}
 * (Replicate's error bodies carry a {@code detail} string, docs/providers/replicate.md).
 */
public record ReplicateError(int httpStatus, String title, String detail, @Nullable Duration retryAfter) {

    public ReplicateError(int httpStatus, String title, String detail) {
        this(httpStatus, title, detail, null);
    }

    public static ReplicateError unauthenticated() {
        return new ReplicateError(401, "Unauthenticated", "You did not pass a valid authentication token");
    }

    public static ReplicateError forbidden() {
        return new ReplicateError(403, "Forbidden", "You do not have permission to run this model");
    }

    public static ReplicateError insufficientCredit() {
        return new ReplicateError(402, "Insufficient credit", "You have insufficient credit to run this model. Go to "
                + "https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please "
                + "wait a few minutes before trying again.");
    }

    public static ReplicateError throttled(@Nullable Duration retryAfter) {
        return new ReplicateError(429, "Request was throttled",
                "Request was throttled. Your rate limit resets in ~30s.", retryAfter);
    }

    public static ReplicateError notFound() {
        return new ReplicateError(404, "Not found", "Not found.");
    }

    public static ReplicateError serverError() {
        return new ReplicateError(500, "Internal Server Error", "Internal Server Error");
    }

    public static ReplicateError unavailable() {
        return new ReplicateError(503, "Service Unavailable", "Service Unavailable");
    }

    static final class Answer extends RuntimeException {

        private final ReplicateError error;

        Answer(ReplicateError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }

        ReplicateError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
