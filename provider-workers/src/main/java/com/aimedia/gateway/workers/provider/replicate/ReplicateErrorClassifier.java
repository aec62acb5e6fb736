package com.aimedia.gateway.workers.provider.replicate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.ProviderException;

/**
 * Maps a Replicate error answer ({@code {"title","detail","status"}}) onto the gateway's
 * taxonomy by HTTP status. A 429 without Retry-After takes the wait from the documented
 * detail ("Your rate limit resets in ~30s.").
 */
final class ReplicateErrorClassifier {

    private static final Pattern RESETS_IN = Pattern.compile("resets in ~?(\\d+)\\s*s");

    private ReplicateErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, String detail, @Nullable Duration retryAfter) {
        if (httpStatus == 402) {
            return new InsufficientCredits("The provider account has insufficient credit.");
        }
        return HttpStatusClassifier.classify(httpStatus, detail, "The provider throttled the request; try again later.",
                retryAfter != null ? retryAfter : resetsIn(detail));
    }

    private static @Nullable Duration resetsIn(String detail) {
        Matcher matcher = RESETS_IN.matcher(detail);
        return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : null;
    }

}
