package com.aimedia.gateway.workers.provider.kling;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps a Kling error answer onto the gateway's error taxonomy. Branches on the body
 * {@code code}, not on the HTTP status: Kling answers 429 both for the retryable
 * concurrency/rate limits (1302, 1303) and for the permanent billing states (1100-1102).
 * Only an answer without a usable code falls back to the HTTP status.
 */
final class KlingErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the prompt under its content policy.";
    static final String INSUFFICIENT_CREDITS = "The provider account has insufficient credits.";
    static final String RATE_LIMITED = "The provider is over its concurrency or rate limit; try again later.";

    private KlingErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable Integer code, String providerMessage,
            @Nullable Duration retryAfter) {
        if (code == null || code == 0) {
            return HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
        }
        return switch (code) {
            case 1000, 1001, 1002, 1003, 1004 ->
                new AuthenticationFailed("The provider refused the gateway's credentials (Kling code " + code + ").");
            case 1100 -> new AuthenticationFailed("The provider account is not usable (Kling account exception).");
            case 1101, 1102 -> new InsufficientCredits(INSUFFICIENT_CREDITS);
            case 1103 -> new AuthenticationFailed("The provider refused access to this resource (Kling code 1103).");
            case 1200, 1201, 1202 -> new InvalidRequest("Invalid parameter: " + providerMessage);
            case 1203 -> new NotFound("The provider could not find the requested resource: " + providerMessage);
            case 1300, 1301 -> new ContentRejected(CONTENT_POLICY);
            case 1302, 1303 -> new RateLimited(RATE_LIMITED, retryAfter);
            case 1304 ->
                new AuthenticationFailed("The provider refused the gateway's IP address (Kling IP whitelist).");
            case 5002 -> new ProviderTimeout("The provider timed out internally (Kling code 5002).");
            default -> code >= 5000 && code < 6000
                    ? new ProviderUnavailable("The provider failed with a server error (Kling code " + code + ").")
                    : HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
        };
    }

}
