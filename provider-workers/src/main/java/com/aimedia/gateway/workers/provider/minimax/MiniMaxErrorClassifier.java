package com.aimedia.gateway.workers.provider.minimax;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps MiniMax's {@code base_resp.status_code} (sent with HTTP 200) onto the gateway
 * taxonomy: 1000 unknown, 1001 timeout, 1002 rate limited, 1004 auth, 1008 balance, 1024
 * internal, 1026/1027 sensitive input/output, 2013 invalid params, 2038 real-name
 * verification. A non-200 HTTP status (a proxy or load balancer in front) falls back to
 * it.
 */
final class MiniMaxErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the content under its content policy";

    static final String RATE_LIMITED = "The provider is over its rate limit; try again later.";

    private MiniMaxErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable Integer code, String message,
            @Nullable Duration retryAfter) {
        if (code == null || code == 0) {
            return HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
        }
        String detail = message.isBlank() ? "" : ": " + message;
        return switch (code) {
            case 1001 -> new ProviderTimeout("The provider timed out (MiniMax 1001).");
            case 1002 -> new RateLimited("The provider is over its rate limit; try again later.", retryAfter);
            case 1004 -> new AuthenticationFailed("The provider refused the gateway's API key (MiniMax 1004).");
            case 1008 -> new InsufficientCredits("The provider account has insufficient credits (balance).");
            case 1026 -> new ContentRejected(CONTENT_POLICY + " (sensitive input, MiniMax 1026).");
            case 1027 -> new ContentRejected(CONTENT_POLICY + " (sensitive output, MiniMax 1027).");
            case 2013 -> new InvalidRequest("Invalid parameter (MiniMax 2013)" + detail);
            case 2038 -> new AuthenticationFailed("The provider account needs real-name verification (MiniMax 2038).");
            default -> new ProviderUnavailable("The provider failed (MiniMax " + code + ")" + detail);
        };
    }

    /** A task that ended {@code Fail}; its {@code base_resp} (when set) says why. */
    static PollResult.Failed taskFailure(MiniMaxApi.@Nullable BaseResp baseResp) {
        Integer code = baseResp == null ? null : baseResp.statusCode();
        if (baseResp == null || code == null || code == 0) {
            return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task without a reason.");
        }
        String message = baseResp.statusMsg() == null ? "" : baseResp.statusMsg();
        ProviderException classified = classify(200, code, message, null);
        return new PollResult.Failed(classified.errorCode(), String.valueOf(classified.getMessage()));
    }

}
