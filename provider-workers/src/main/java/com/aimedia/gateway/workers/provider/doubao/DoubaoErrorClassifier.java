package com.aimedia.gateway.workers.provider.doubao;

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
 * Maps Ark errors ({@code {"error":{"code":..,"message":..}}}, codes from the official
 * error page, docs/providers/doubao.md section 9) onto the gateway's taxonomy. Branches
 * on the code first: 403 is both a billing state ({@code AccountOverdueError}) and an
 * access problem ({@code AccessDenied}).
 */
final class DoubaoErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the input or the result under its content policy.";
    static final String RATE_LIMITED = "The provider is over its rate limit; try again later.";

    private DoubaoErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable String code, String message,
            @Nullable Duration retryAfter) {
        String safeCode = code == null ? "" : code;
        String said = safeCode.isEmpty() ? "" : "Ark " + safeCode + (message.isBlank() ? "" : ": " + message);
        String detail = said.isEmpty() ? "" : " (" + said + ")";
        if (safeCode.contains("SensitiveContentDetected")) {
            return new ContentRejected(CONTENT_POLICY);
        }
        if (safeCode.startsWith("RateLimitExceeded") || "QuotaExceeded".equals(safeCode)
                || "ServerOverloaded".equals(safeCode)) {
            return new RateLimited(RATE_LIMITED, retryAfter);
        }
        return switch (safeCode) {
            case "AuthenticationError" ->
                new AuthenticationFailed("The provider refused the gateway's API key (Ark AuthenticationError).");
            case "AccountOverdueError" ->
                new InsufficientCredits("The provider account has insufficient credits (overdue).");
            case "AccessDenied" ->
                new AuthenticationFailed("The provider denied access to this model (Ark AccessDenied).");
            case "MissingParameter", "InvalidParameter", "InvalidEndpoint.ClosedEndpoint" ->
                new InvalidRequest("Invalid parameter" + detail + ".");
            case "InvalidEndpointOrModel.NotFound", "InvalidEndpoint.NotFound" ->
                new NotFound("The provider does not offer this model or endpoint" + detail + ".");
            default -> HttpStatusClassifier.classify(httpStatus, said, RATE_LIMITED, retryAfter);
        };
    }

    /** A task that ended {@code failed}: its {@code error.code} says why. */
    static PollResult.Failed taskFailure(DoubaoApi.@Nullable Error error) {
        String code = error == null || error.code() == null ? "" : error.code();
        String message = error == null || error.message() == null ? "" : error.message();
        if (code.contains("SensitiveContentDetected")) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY);
        }
        String reason = code.isEmpty() && message.isEmpty() ? ""
                : " (Ark " + code + (message.isEmpty() ? "" : ": " + message) + ")";
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task" + reason + ".");
    }

}
