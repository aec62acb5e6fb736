package com.aimedia.gateway.workers.provider.jimeng;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

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
import com.aimedia.gateway.workers.provider.spi.RetryableException;

/**
 * Maps VolcEngine visual API errors onto the gateway's taxonomy. Two layers: business
 * {@code code != 10000} (often inside an HTTP 200) and gateway-level
 * {@code ResponseMetadata.Error.Code} (signature, action). docs/providers/jimeng.md pins
 * only 50400, 30403 and 30404; the other business codes (50411-50413 / 50511-50512
 * moderation, 50429 / 50430 QPS and concurrency, 50500 / 50501 internal, 502xx parameter
 * errors) are the visual API's common codes as restated by integrations. Anything else is
 * read by the HTTP status, and a code we do not know inside an HTTP 200 is never taken
 * for success.
 */
final class JimengErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the prompt or the result under its content policy.";
    static final String RATE_LIMITED = "The provider is over its rate or concurrency limit; try again later.";

    private static final Set<Integer> CONTENT_CODES = Set.of(50411, 50412, 50413, 50511, 50512);

    private static final Set<String> AUTH_CODES = Set.of("SignatureDoesNotMatch", "InvalidAccessKey",
            "MissingAuthenticationToken", "InvalidAuthorization", "InvalidCredential", "AccessDenied");

    private JimengErrorClassifier() {
    }

    /**
     * A business error ({@code code != 10000}) of a submit, or of a poll that is not a
     * task failure.
     */
    static ProviderException classify(int httpStatus, int code, String message, @Nullable Duration retryAfter) {
        String said = "Jimeng code " + code + (message.isBlank() ? "" : ": " + message);
        String detail = " (" + said + ")";
        if (CONTENT_CODES.contains(code)) {
            return new ContentRejected(CONTENT_POLICY);
        }
        return switch (code) {
            case 50429, 50430 -> new RateLimited(RATE_LIMITED, retryAfter);
            case 50500, 50501 -> new ProviderUnavailable("The provider failed with an internal error" + detail + ".");
            case 50400 -> isBilling(message)
                    ? new InsufficientCredits("The provider account has insufficient credits (overdue or no balance).")
                    : new AuthenticationFailed("The provider denied access to this model" + detail + ".");
            case 30403 ->
                new AuthenticationFailed("The provider account is not authorised for this model" + detail + ".");
            case 30404 -> new NotFound("The provider does not offer this model (req_key)" + detail + ".");
            default -> code >= 50200 && code < 50300 ? new InvalidRequest("Invalid parameter" + detail + ".")
                    : byHttpStatus(httpStatus, said, retryAfter);
        };
    }

    /**
     * A poll answered {@code code != 10000}: the task is done and failed
     * (docs/providers/jimeng.md: "done + code != 10000 -> failed") unless the code says
     * the call itself was refused (limits, internal errors, auth), which is thrown.
     */
    static PollResult.Failed taskFailure(int httpStatus, int code, String message, @Nullable Duration retryAfter) {
        ProviderException classified = classify(httpStatus, code, message, retryAfter);
        if (classified instanceof ContentRejected) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY);
        }
        if (classified instanceof RetryableException || classified instanceof AuthenticationFailed
                || classified instanceof InsufficientCredits) {
            throw classified;
        }
        boolean parameterCode = code >= 50200 && code < 50300;
        ErrorCode errorCode = classified instanceof NotFound ? ErrorCode.NOT_FOUND
                : parameterCode ? ErrorCode.INVALID_PARAMETER : ErrorCode.PROVIDER_ERROR;
        return new PollResult.Failed(errorCode,
                "The provider failed the task (Jimeng code " + code + (message.isBlank() ? "" : ": " + message) + ").");
    }

    /** A gateway-level error in {@code ResponseMetadata.Error}. */
    static ProviderException classifyMetadata(int httpStatus, String code, String message,
            @Nullable Duration retryAfter) {
        String said = "VolcEngine " + code;
        String detail = " (" + said + ")";
        if (AUTH_CODES.contains(code)) {
            return new AuthenticationFailed("The provider refused the gateway's credentials" + detail + ".");
        }
        if (code.startsWith("AccountOverdue") || isBilling(message)) {
            return new InsufficientCredits("The provider account has insufficient credits (overdue or no balance).");
        }
        if (code.contains("LimitExceeded") || code.startsWith("Throttling")) {
            return new RateLimited(RATE_LIMITED, retryAfter);
        }
        if ("InvalidActionOrVersion".equals(code)) {
            return new InvalidRequest("The provider does not know the API action or version" + detail + ".");
        }
        return byHttpStatus(httpStatus, said, retryAfter);
    }

    private static boolean isBilling(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("overdue") || lower.contains("arrear") || lower.contains("balance");
    }

    /**
     * Jimeng answers most refusals with HTTP 200 and a code: without a known code, those
     * are invalid requests.
     */
    static ProviderException byHttpStatus(int httpStatus, String said, @Nullable Duration retryAfter) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return new InvalidRequest("The provider refused the request (" + said + ").");
        }
        return HttpStatusClassifier.classify(httpStatus, said, RATE_LIMITED, retryAfter);
    }

}
