package com.aimedia.gateway.workers.provider.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;

/**
 * The one reading of an HTTP status for an error answer that the provider's own codes do
 * not explain. Each provider's {@code *ErrorClassifier} reads its body codes first
 * (several providers put credits, content policy or rate limits in the body, some inside
 * an HTTP 200) and hands everything else here.
 * <p>
 * 429 is rate limited (retryable, with the provider's Retry-After); 401 and 403 are
 * refused credentials, 404 a missing resource and any other 4xx an invalid request (all
 * permanent); 408 and 504 are timeouts, and anything else, 5xx included, the provider
 * failing (both retryable).
 */
public final class HttpStatusClassifier {

    private HttpStatusClassifier() {
    }

    /**
     * @param said what the provider said about the error, in words a user can act on
     * (never a secret; e.g. {@code "input.width: Input should be a multiple of 32"} or
     * {@code "Ark InvalidParameter: ..."}); empty when it said nothing usable
     * @param rateLimited the message of a 429, in the provider's words for its limit
     * (rate, concurrency, credits)
     */
    public static ProviderException classify(int httpStatus, String said, String rateLimited,
            @Nullable Duration retryAfter) {
        String detail = said.isBlank() ? "" : ": " + said.strip();
        if (httpStatus == 429) {
            return new RateLimited(rateLimited, retryAfter);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new AuthenticationFailed(
                    "The provider refused the gateway's credentials (HTTP " + httpStatus + ").");
        }
        if (httpStatus == 404) {
            return new NotFound("The provider could not find the requested resource (HTTP 404)" + detail + ".");
        }
        if (httpStatus == 408 || httpStatus == 504) {
            return new ProviderTimeout("The provider timed out (HTTP " + httpStatus + ").");
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return new InvalidRequest(
                    said.isBlank() ? "Invalid parameter: the provider refused the request (HTTP " + httpStatus + ")."
                            : "Invalid parameter: " + said.strip());
        }
        return new ProviderUnavailable("The provider failed (HTTP " + httpStatus + ")" + detail + ".");
    }

}
