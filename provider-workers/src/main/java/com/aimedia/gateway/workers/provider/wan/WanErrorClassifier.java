package com.aimedia.gateway.workers.provider.wan;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps DashScope errors
 * ({@code {"request_id":..,"code":"InvalidParameter","message":..}},
 * docs/providers/wan.md) onto the gateway's taxonomy, by code first: HTTP 400 covers
 * invalid parameters, content moderation ({@code DataInspectionFailed}) and billing
 * ({@code Arrearage}) alike.
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
        String said = safeCode.isEmpty() ? "" : "DashScope " + safeCode + (message.isBlank() ? "" : ": " + message);
        String detail = said.isEmpty() ? "" : " (" + said + ")";
        if (safeCode.startsWith("Throttling")) {
            return new RateLimited(RATE_LIMITED, retryAfter);
        }
        return switch (safeCode) {
            case "DataInspectionFailed", "IPInfringementSuspect" -> new ContentRejected(CONTENT_POLICY);
            case "Arrearage" -> new InsufficientCredits(INSUFFICIENT_CREDITS);
            case "InvalidApiKey" ->
                new AuthenticationFailed("The provider refused the gateway's API key (DashScope InvalidApiKey).");
            case "AccessDenied" -> new AuthenticationFailed("The provider denied access" + detail + ".");
            case "InvalidParameter", "MissingParameter" -> new InvalidRequest("Invalid parameter" + detail + ".");
            case "ModelNotFound" -> new NotFound("The provider does not offer this model" + detail + ".");
            default -> HttpStatusClassifier.classify(httpStatus, said, RATE_LIMITED, retryAfter);
        };
    }

    /**
     * A task that ended {@code FAILED} (or an image whose every result failed):
     * {@code code} says why.
     */
    static PollResult.Failed taskFailure(@Nullable String code, @Nullable String message) {
        String safeCode = code == null ? "" : code;
        String text = message == null ? "" : message;
        String reason = safeCode.isEmpty() && text.isEmpty() ? ""
                : " (DashScope " + safeCode + (text.isEmpty() ? "" : ": " + text) + ")";
        return switch (safeCode) {
            case "DataInspectionFailed", "IPInfringementSuspect" ->
                new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY);
            case "Arrearage" -> new PollResult.Failed(ErrorCode.INSUFFICIENT_CREDITS, INSUFFICIENT_CREDITS);
            case "InvalidParameter" ->
                new PollResult.Failed(ErrorCode.INVALID_PARAMETER, "Invalid parameter" + reason + ".");
            default -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task" + reason + ".");
        };
    }

}
