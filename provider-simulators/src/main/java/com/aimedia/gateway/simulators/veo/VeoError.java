package com.aimedia.gateway.simulators.veo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One Google API error:
 * {@code {"error":{"code":<http>,"message":..,"status":<google.rpc.Code
 * name>,"details":[..]}}}, optionally with an {@code ErrorInfo} reason (e.g.
 * {@code API_KEY_INVALID}, {@code BILLING_DISABLED}).
 */
public record VeoError(int httpStatus, String status, String message, @Nullable String reason,
        @Nullable Duration retryAfter) {

    public VeoError(int httpStatus, String status, String message) {
        this(httpStatus, status, message, null, null);
    }

    /** What the Gemini API answers to a wrong key: 400, not 401. */
    public static VeoError apiKeyInvalid() {
        return new VeoError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
                "API_KEY_INVALID", null);
    }

    public static VeoError unauthenticated() {
        return new VeoError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 "
                + "access token, login cookie or other valid authentication credential.");
    }

    public static VeoError permissionDenied() {
        return new VeoError(403, "PERMISSION_DENIED", "The caller does not have permission");
    }

    public static VeoError billingDisabled() {
        return new VeoError(403, "PERMISSION_DENIED",
                "This API method requires billing to be enabled. Please enable " + "billing on project and retry.",
                "BILLING_DISABLED", null);
    }

    public static VeoError resourceExhausted(@Nullable Duration retryAfter) {
        return new VeoError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", null,
                retryAfter);
    }

    public static VeoError internal() {
        return new VeoError(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                + "https://developers.generativeai.google/guide/troubleshooting");
    }

    public static VeoError unavailable() {
        return new VeoError(503, "UNAVAILABLE", "The service is currently unavailable.");
    }

    public static VeoError invalidArgument(String message) {
        return new VeoError(400, "INVALID_ARGUMENT", message);
    }

    public static VeoError notFound(String message) {
        return new VeoError(404, "NOT_FOUND", message);
    }

    static final class Answer extends RuntimeException {

        private final VeoError error;

        Answer(VeoError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        VeoError error() {
            return error;
        }

    }

    Answer answer() {
        return new Answer(this);
    }
}
