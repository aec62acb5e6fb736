package com.aimedia.gateway.simulators.luma;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Luma error answer: FastAPI style {@code {"detail": "..."}} with an HTTP status,
 * optionally a Retry-After header. Luma documents neither the status of an over-limit
 * answer nor of an empty balance (docs/providers/luma.md); the simulator uses 429 and
 * 402.
 */
public record LumaError(int httpStatus, String detail, @Nullable Duration retryAfter) {

    public LumaError(int httpStatus, String detail) {
        this(httpStatus, detail, null);
    }

    public static LumaError unauthorized() {
        return new LumaError(401, "Invalid API key");
    }

    public static LumaError rateLimited() {
        return new LumaError(429, "Rate limit exceeded: too many concurrent generations");
    }

    public static LumaError insufficientCredits() {
        return new LumaError(402, "Insufficient credits. Please add credits to your account.");
    }

    public static LumaError serverError() {
        return new LumaError(500, "Internal server error");
    }

    public static LumaError unavailable() {
        return new LumaError(503, "Service temporarily unavailable");
    }

    public static LumaError forbidden() {
        return new LumaError(403, "Forbidden: this API key cannot access the Dream Machine API");
    }

    public static LumaError notFound() {
        return new LumaError(404, "Generation not found");
    }

    public static LumaError badRequest(String detail) {
        return new LumaError(400, detail);
    }

    Answer answer() {
        return new Answer(this);
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final LumaError error;

        Answer(LumaError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }

        LumaError error() {
            return error;
        }

    }
}
