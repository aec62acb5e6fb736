package com.aimedia.gateway.simulators.vidu;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Vidu error answer: {@code {"code":<http
 * status>,"reason":..,"message":..,"metadata":{"trace_id":..}}} with the HTTP status of
 * {@code code} (docs/providers/vidu.md, "Errors").
 *
 * @param httpStatus the HTTP status (also the body {@code code})
 * @param reason the documented reason name, e.g. {@code CreditInsufficient}
 * @param message the human message
 * @param retryAfter a Retry-After header to send (Vidu documents none; tests use it), or
 * null
 */
public record ViduError(int httpStatus, String reason, String message, @Nullable Duration retryAfter) {

    public ViduError(int httpStatus, String reason, String message) {
        this(httpStatus, reason, message, null);
    }

    public static ViduError unauthorized() {
        return new ViduError(401, "Unauthorized", "invalid token");
    }

    public static ViduError forbidden() {
        return new ViduError(403, "Forbidden", "the token has no access to this resource");
    }

    public static ViduError creditInsufficient() {
        return new ViduError(400, "CreditInsufficient", "credit insufficient");
    }

    public static ViduError promptPolicy() {
        return new ViduError(400, "TaskPromptPolicyViolation", "the prompt violates the content policy");
    }

    public static ViduError throttled(@Nullable Duration retryAfter) {
        return new ViduError(429, "SystemThrottling", "system is busy, please try again later", retryAfter);
    }

    public static ViduError internal() {
        return new ViduError(500, "InternalServiceFailure", "internal service failure");
    }

    public static ViduError taskNotFound() {
        return new ViduError(404, "TaskNotFound", "task not found");
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final ViduError error;

        Answer(ViduError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        ViduError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
