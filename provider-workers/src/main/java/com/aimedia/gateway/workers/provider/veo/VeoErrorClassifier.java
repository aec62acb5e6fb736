package com.aimedia.gateway.workers.provider.veo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

import org.jspecify.annotations.Nullable;

/**
 * Maps Google errors ({@code {"error":{code,message,status,details}}}) onto the gateway
 * taxonomy. The {@code ErrorInfo.reason} decides first: a wrong Gemini key is HTTP 400
 * {@code INVALID_ARGUMENT} with reason {@code API_KEY_INVALID} (an auth problem, not a
 * bad parameter), and {@code BILLING_DISABLED} is a 403 that means no paid account. Then
 * the canonical {@code status}, then the HTTP status. {@code RetryInfo.retryDelay} is
 * honoured.
 */
final class VeoErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the content under its content policy";

    static final String RATE_LIMITED = "The provider is over its rate limit or quota; try again later.";

    private VeoErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, VeoApi.@Nullable Status error,
            @Nullable Duration retryAfterHeader) {
        String status = error == null || error.status() == null ? "" : error.status();
        String message = error == null || error.message() == null ? "" : error.message();
        String reason = detail(error, "ErrorInfo", "reason");
        Duration retryAfter = retryAfterHeader != null ? retryAfterHeader : retryDelay(error);
        if ("API_KEY_INVALID".equals(reason)) {
            return new AuthenticationFailed("The provider refused the gateway's API key (Google API_KEY_INVALID).");
        }
        if ("BILLING_DISABLED".equals(reason)) {
            return new InsufficientCredits("The provider account has insufficient credits: billing is not enabled on "
                    + "the Google project.");
        }
        return switch (status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" ->
                looksLikePolicy(message) ? new ContentRejected(CONTENT_POLICY + ".")
                        : new InvalidRequest("Invalid parameter (Google " + status + "): " + message);
            case "UNAUTHENTICATED", "PERMISSION_DENIED" ->
                new AuthenticationFailed("The provider refused the gateway's credentials (Google " + status + ").");
            case "NOT_FOUND" -> new NotFound("The provider has no such model or operation (Google NOT_FOUND).");
            case "RESOURCE_EXHAUSTED" ->
                new RateLimited("The provider is over its rate limit or quota; try again later.", retryAfter);
            case "DEADLINE_EXCEEDED" -> new ProviderTimeout("The provider timed out (Google DEADLINE_EXCEEDED).");
            default -> HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
        };
    }

    /**
     * A done operation with {@code error}: the numeric google.rpc.Code says what kind.
     */
    static PollResult.Failed operationFailure(VeoApi.@Nullable Status error) {
        if (error == null) {
            return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task without a reason.");
        }
        String message = error.message() == null ? "" : error.message();
        int code = error.code() == null ? 2 : error.code();
        if (looksLikePolicy(message)) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY + ": " + message);
        }
        return switch (code) {
            case 3, 9, 11 -> new PollResult.Failed(ErrorCode.INVALID_PARAMETER, "Invalid parameter: " + message);
            case 4 -> new PollResult.Failed(ErrorCode.PROVIDER_TIMEOUT, "The provider timed out generating the video.");
            case 1 -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The operation was cancelled at the provider.");
            default -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                    message.isBlank() ? "The provider failed the task (Google code " + code + ")."
                            : "The provider failed the task: " + message);
        };
    }

    private static boolean looksLikePolicy(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("usage guidelines") || lower.contains("safety") || lower.contains("responsible ai")
                || lower.contains("content policy");
    }

    private static @Nullable String detail(VeoApi.@Nullable Status error, String type, String field) {
        List<tools.jackson.databind.JsonNode> details = error == null ? null : error.details();
        if (details != null) {
            for (var detail : details) {
                if (detail.path("@type").asString("").endsWith("." + type) && detail.hasNonNull(field)) {
                    return detail.get(field).asString();
                }
            }
        }
        return null;
    }

    private static @Nullable Duration retryDelay(VeoApi.@Nullable Status error) {
        String delay = detail(error, "RetryInfo", "retryDelay");
        if (delay == null || !delay.matches("\\d+(\\.\\d+)?s")) {
            return null;
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
    }

}
