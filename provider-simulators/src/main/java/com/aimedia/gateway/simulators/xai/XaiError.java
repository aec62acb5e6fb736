package com.aimedia.gateway.simulators.xai;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One xAI error answer, rendered as {@code {"code": <gRPC-style status text>, "error":
 * <message>}} (the shape xAI's REST API uses; docs/providers/xai.md does not pin it, so
 * this is the observed public shape).
 */
public record XaiError(int httpStatus, String code, String error, @Nullable Duration retryAfter) {

    public XaiError(int httpStatus, String code, String error) {
        this(httpStatus, code, error, null);
    }

    public static XaiError incorrectKey() {
        return new XaiError(401, "Unauthenticated",
                "Incorrect API key provided. You can obtain an API key from https://console.x.ai.");
    }

    public static XaiError forbidden() {
        return new XaiError(403, "The caller does not have permission to execute the specified operation",
                "Your team does not have access to this model.");
    }

    public static XaiError noCredits() {
        return new XaiError(403, "The caller does not have permission to execute the specified operation",
                "Your team has either used all available credits or reached its monthly spending limit. To continue "
                        + "making API requests, please purchase more credits or raise your spending limit.");
    }

    public static XaiError rateLimited(@Nullable Duration retryAfter) {
        return new XaiError(429, "Too many requests", "Rate limit exceeded for image generation requests.", retryAfter);
    }

    public static XaiError invalidArgument(String message) {
        return new XaiError(400, "Client specified an invalid argument", message);
    }

    public static XaiError serverError() {
        return new XaiError(500, "Internal error", "Internal server error");
    }

    public static XaiError unavailable() {
        return new XaiError(503, "Service unavailable", "The service is currently unavailable");
    }

    static final class Answer extends RuntimeException {

        private final XaiError error;

        Answer(XaiError error) {
            super(error.error(), null, false, false);
            this.error = error;
        }

        XaiError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
