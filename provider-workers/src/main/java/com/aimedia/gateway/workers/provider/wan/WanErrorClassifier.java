package com.aimedia.gateway.workers.provider.wan;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps DashScope errors ({@code {"request_id":..,"code":"InvalidParameter","message":..}}, providers.md section 13)
 * onto the gateway's taxonomy, by code first: HTTP 400 covers invalid parameters, content moderation
 * ({@code DataInspectionFailed}) and billing ({@code Arrearage}) alike.
 */
final class WanErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the input or the result under its content policy.";
    static final String INSUFFICIENT_CREDITS = "The provider account has insufficient credits (overdue payment).";
    static final String RATE_LIMITED = "The provider is over its rate or concurrency limit; try again later.";

    private WanErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable String code, String message,
            @Nullable Duration retryAfter) {
        String safeCode = code == null ? "" : code;
        String detail = safeCode.isEmpty() ? "" : " (DashScope " + safeCode + (message.isBlank() ? "" : ": " + message) + ")";
        if (safeCode.startsWith("Throttling")) {
            return new RateLimited(RATE_LIMITED, retryAfter);
        }
        return switch (safeCode) {
            case "DataInspectionFailed", "IPInfringementSuspect" -> new ContentRejected(CONTENT_POLICY);
            case "Arrearage" -> new InsufficientCredits(INSUFFICIENT_CREDITS);
            case "InvalidApiKey" -> new AuthenticationFailed("The provider refused the gateway's API key (DashScope InvalidApiKey).");
            case "AccessDenied" -> new AuthenticationFailed("The provider denied access" + detail + ".");
            case "InvalidParameter", "MissingParameter" -> new InvalidRequest("Invalid parameter" + detail + ".");
            case "ModelNotFound" -> new NotFound("The provider does not offer this model" + detail + ".");
            default -> byHttpStatus(httpStatus, retryAfter, detail);
        };
    }

    /** A task that ended {@code FAILED} (or an image whose every result failed): {@code code} says why. */
    static PollResult.Failed taskFailure(@Nullable String code, @Nullable String message) {
        String safeCode = code == null ? "" : code;
        String text = message == null ? "" : message;
        String reason = safeCode.isEmpty() && text.isEmpty() ? ""
                : " (DashScope " + safeCode + (text.isEmpty() ? "" : ": " + text) + ")";
        return switch (safeCode) {
            case "DataInspectionFailed", "IPInfringementSuspect" -> new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    CONTENT_POLICY);
            case "Arrearage" -> new PollResult.Failed(ErrorCode.INSUFFICIENT_CREDITS, INSUFFICIENT_CREDITS);
            case "InvalidParameter" -> new PollResult.Failed(ErrorCode.INVALID_PARAMETER, "Invalid parameter" + reason + ".");
            default -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task" + reason + ".");
        };
    }

    static ProviderException byHttpStatus(int httpStatus, @Nullable Duration retryAfter, String detail) {
        if (httpStatus == 429) {
            return new RateLimited(RATE_LIMITED, retryAfter);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new AuthenticationFailed("The provider refused the gateway's credentials (HTTP " + httpStatus + ").");
        }
        if (httpStatus == 404) {
            return new NotFound("The provider could not find the requested resource" + detail + ".");
        }
        if (httpStatus == 504 || httpStatus == 408) {
            return new ProviderTimeout("The provider timed out (HTTP " + httpStatus + ").");
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return new InvalidRequest("Invalid parameter: the provider refused the request" + detail + ".");
        }
        return new ProviderUnavailable("The provider answered with an error (HTTP " + httpStatus + ")" + detail + ".");
    }
}
