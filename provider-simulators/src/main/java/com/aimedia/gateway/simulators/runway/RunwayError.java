package com.aimedia.gateway.simulators.runway;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One Runway error answer: JSON with an {@code error} member (docs/providers/runway.md),
 * for body validation also {@code issues: [{path, message}]}, optionally a Retry-After
 * header.
 */
public record RunwayError(int httpStatus, String error, List<Issue> issues, @Nullable Duration retryAfter) {

    public RunwayError {
        issues = List.copyOf(issues);
    }

    public RunwayError(int httpStatus, String error) {
        this(httpStatus, error, List.of(), null);
    }

    /** One validation problem: the body path and a message. */
    public record Issue(List<String> path, String message) {
    }

    public static RunwayError validation(String field, String message) {
        return new RunwayError(400, "Validation of body failed", List.of(new Issue(List.of(field), message)), null);
    }

    public static RunwayError unauthorized() {
        return new RunwayError(401, "Authentication failed: the API key is missing or invalid");
    }

    public static RunwayError forbidden() {
        return new RunwayError(403, "This API key is not allowed to perform this action");
    }

    public static RunwayError notFound() {
        return new RunwayError(404, "Task not found");
    }

    public static RunwayError dailyLimit(@Nullable Duration retryAfter) {
        return new RunwayError(429, "You have reached the maximum number of generations for this model today",
                List.of(), retryAfter);
    }

    /**
     * Not in docs/providers/runway.md: Runway's answer to an empty credit balance, a 400
     * that speaks of credits.
     */
    public static RunwayError notEnoughCredits() {
        return new RunwayError(400, "You do not have enough credits to run this task.");
    }

    public static RunwayError serverError() {
        return new RunwayError(502, "Bad gateway");
    }

    public static RunwayError unavailable() {
        return new RunwayError(503, "Service unavailable");
    }

    Answer answer() {
        return new Answer(this);
    }

    /** Thrown inside the simulator to answer with this error. */
    static final class Answer extends RuntimeException {

        private final RunwayError error;

        Answer(RunwayError error) {
            super(error.error(), null, false, false);
            this.error = error;
        }

        RunwayError error() {
            return error;
        }

    }
}
