package com.aimedia.gateway.workers.provider.luma;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;

/**
 * Maps Luma error answers ({@code {"detail": ...}} with an HTTP status) and generation
 * {@code failure_reason}s onto the gateway's error taxonomy. Luma documents neither the
 * HTTP status of an over-limit answer nor that of an empty credit balance
 * (docs/providers/luma.md: "not found"); the safest reading is used: 429 is a rate limit,
 * 402 or a detail that speaks of credits is a billing problem (permanent), and every
 * other 4xx is a parameter the user can fix.
 */
final class LumaErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the request under its content policy";
    static final String INSUFFICIENT_CREDITS = "The provider account has insufficient credits.";
    static final String RATE_LIMITED = "The provider is over its concurrency or rate limit; try again later.";

    private LumaErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, String detail, @Nullable Duration retryAfter) {
        String lower = detail.toLowerCase(Locale.ROOT);
        if (httpStatus == 402 || (httpStatus >= 400 && httpStatus < 500 && lower.contains("credit"))) {
            return new InsufficientCredits(INSUFFICIENT_CREDITS);
        }
        ProviderException byStatus = HttpStatusClassifier.classify(httpStatus, detail, RATE_LIMITED, retryAfter);
        if (byStatus instanceof InvalidRequest && isModeration(lower)) {
            return new ContentRejected(CONTENT_POLICY + ": " + detail);
        }
        return byStatus;
    }

    /**
     * A {@code failed} generation: moderation reasons are content policy, unreadable
     * inputs are the user's to fix.
     */
    static PollResult.Failed failure(@Nullable String failureReason) {
        String reason = failureReason == null ? "" : failureReason.trim();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (isModeration(lower)) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY + " (" + reason + ").");
        }
        if (lower.contains("input frames") || lower.contains("user input")) {
            return new PollResult.Failed(ErrorCode.INVALID_PARAMETER,
                    "Invalid parameter: the provider could not read the input images (" + reason + ").");
        }
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, reason.isEmpty()
                ? "The provider failed the task without a reason." : "The provider failed the task: " + reason);
    }

    private static boolean isModeration(String lower) {
        return lower.contains("moderation") || lower.contains("blacklist") || lower.contains("policy")
                || lower.contains("unsafe") || lower.contains("nsfw");
    }

}
