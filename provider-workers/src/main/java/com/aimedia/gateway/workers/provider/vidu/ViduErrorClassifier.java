package com.aimedia.gateway.workers.provider.vidu;

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
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps Vidu's error {@code reason} names (docs/providers/vidu.md) onto the gateway
 * taxonomy, both for refused requests and for the {@code err_code} of a failed task (Vidu
 * uses the same names in both places). Branches on the reason first:
 * {@code CreditInsufficient} is a 400, not a 402 or 429.
 */
final class ViduErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the content under its content policy";
    static final String INSUFFICIENT_CREDITS = "The provider account has insufficient credits.";
    static final String RATE_LIMITED = "The provider is over its rate limit; try again later.";

    private ViduErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable String reason, String message,
            @Nullable Duration retryAfter) {
        String detail = message.isBlank() ? "" : ": " + message;
        return switch (reason == null ? "" : reason) {
            case "CreditInsufficient" -> new InsufficientCredits(INSUFFICIENT_CREDITS);
            case "TaskPromptPolicyViolation", "CreationPolicyViolation", "AuditSubmitIllegal" ->
                new ContentRejected(CONTENT_POLICY + " (Vidu " + reason + ").");
            case "QuotaExceeded", "TooManyRequests", "SystemThrottling" -> new RateLimited(RATE_LIMITED, retryAfter);
            case "Unauthorized", "Forbidden" ->
                new AuthenticationFailed("The provider refused the gateway's credentials (Vidu " + reason + ").");
            case "TaskNotFound", "CreationNotFound", "NotFound" ->
                new NotFound("The provider has no such task (Vidu " + reason + ").");
            case "ModelUnavailable" ->
                new ProviderUnavailable("The provider's model is unavailable right now" + detail);
            case "InternalServiceFailure" -> new ProviderUnavailable("The provider failed with a server error.");
            case "BadRequest", "FieldLacking", "FieldUnwanted", "FieldItemCountOutOfRange", "FieldInvalid",
                    "PageSizeOutOfRange", "ImageDownloadFailure", "ImageFormatInvalid", "OperationInProcess",
                    "Conflict" ->
                new InvalidRequest("Invalid parameter (Vidu " + reason + ")" + detail);
            default -> HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
        };
    }

    /** A task that ended {@code failed}: its {@code err_code} says why. */
    static PollResult.Failed taskFailure(@Nullable String errCode) {
        String code = errCode == null ? "" : errCode.trim();
        return switch (code) {
            case "TaskPromptPolicyViolation", "CreationPolicyViolation", "AuditSubmitIllegal" ->
                new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY + " (Vidu " + code + ").");
            case "CreditInsufficient" -> new PollResult.Failed(ErrorCode.INSUFFICIENT_CREDITS, INSUFFICIENT_CREDITS);
            case "ImageDownloadFailure", "ImageFormatInvalid", "PageSizeOutOfRange", "FieldInvalid", "FieldLacking",
                    "FieldUnwanted", "FieldItemCountOutOfRange", "BadRequest" ->
                new PollResult.Failed(ErrorCode.INVALID_PARAMETER,
                        "Invalid parameter: the provider could not use the input (Vidu " + code + ").");
            case "UserCancelled", "Canceled" ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The task was cancelled at the provider.");
            case "" ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task without a reason.");
            default ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task (Vidu " + code + ").");
        };
    }

}
