package com.aimedia.gateway.workers.provider.replicate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * Maps a Replicate error answer ({@code {"title","detail","status"}}) onto the gateway's taxonomy by HTTP status. A
 * 429 without Retry-After takes the wait from the documented detail ("Your rate limit resets in ~30s.").
 */
final class ReplicateErrorClassifier {

    private static final Pattern RESETS_IN = Pattern.compile("resets in ~?(\\d+)\\s*s");

    private ReplicateErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, String detail, @Nullable Duration retryAfter) {
        return switch (httpStatus) {
            case 401, 403 -> new AuthenticationFailed("The provider refused the gateway's API token (HTTP " + httpStatus + ").");
            case 402 -> new InsufficientCredits("The provider account has insufficient credit.");
            case 404 -> new NotFound("The provider does not know this model, version or prediction (HTTP 404).");
            case 429 -> new RateLimited("The provider throttled the request; try again later.",
                    retryAfter != null ? retryAfter : resetsIn(detail));
            case 408, 504 -> new ProviderTimeout("The provider timed out (HTTP " + httpStatus + ").");
            default -> httpStatus >= 400 && httpStatus < 500
                    ? new InvalidRequest("Invalid parameter: " + (detail.isBlank()
                            ? "the provider refused the request (HTTP " + httpStatus + ")" : detail))
                    : new ProviderUnavailable("The provider failed with a server error (HTTP " + httpStatus + ").");
        };
    }

    private static @Nullable Duration resetsIn(String detail) {
        Matcher matcher = RESETS_IN.matcher(detail);
        return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : null;
    }
}
