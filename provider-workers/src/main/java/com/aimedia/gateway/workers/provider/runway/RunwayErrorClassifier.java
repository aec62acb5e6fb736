package com.aimedia.gateway.workers.provider.runway;

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
 * Maps Runway's HTTP errors and task {@code failureCode}s onto the gateway's error
 * taxonomy (docs/providers/runway.md): 400 = do not retry (a parameter, or a model Runway
 * no longer accepts), 401 = credentials, 404 = no such task, 429 = the daily generation
 * cap (retry later), 502/503/504 = retry with backoff. Runway's task-failure codes are
 * {@code SAFETY.*} (moderation), {@code INPUT_PREPROCESSING.*}/{@code ASSET.*} (unusable
 * input), {@code INTERNAL.*}. docs/providers/runway.md does not list the answer to an
 * empty credit balance; Runway answers it as a 400 whose {@code error} speaks of credits,
 * so such a 400 is read as {@code insufficient_credits} (the safest reading: never
 * retried).
 */
final class RunwayErrorClassifier {

    static final String CONTENT_POLICY = "The provider rejected the content under its content policy";
    static final String INSUFFICIENT_CREDITS = "The provider account has insufficient credits.";
    static final String RATE_LIMITED = "The provider is over its generation limit; try again later.";

    private RunwayErrorClassifier() {
    }

    /**
     * @param model the Runway model of a create ({@code gen3a_turbo} refusals get an
     * explanation), or null for a poll
     */
    static ProviderException classify(int httpStatus, String error, @Nullable String model,
            @Nullable Duration retryAfter) {
        String lower = error.toLowerCase(Locale.ROOT);
        if (httpStatus == 400 || httpStatus == 422) {
            return badRequest(error, lower, model);
        }
        return HttpStatusClassifier.classify(httpStatus, "", RATE_LIMITED, retryAfter);
    }

    private static ProviderException badRequest(String error, String lower, @Nullable String model) {
        if (lower.contains("credits")) {
            return new InsufficientCredits(INSUFFICIENT_CREDITS);
        }
        if (lower.contains("moderation") || lower.contains("safety")) {
            return new ContentRejected(CONTENT_POLICY + ": " + error);
        }
        String detail = error.isBlank() ? "the provider refused the request (HTTP 400)." : error;
        if (RunwayModels.GEN3A_TURBO.equals(model) && lower.contains("model")) {
            return new InvalidRequest(
                    "Invalid parameter: Runway refused the model gen3a_turbo, which it has deprecated "
                            + "and removed from its API (" + detail + "). Use runway-gen4 (gen4_turbo) instead.");
        }
        return new InvalidRequest("Invalid parameter: " + detail);
    }

    /**
     * A {@code FAILED} task: its {@code failureCode} decides the gateway code, its
     * {@code failure} text the words.
     */
    static PollResult.Failed failure(@Nullable String failureCode, @Nullable String failure) {
        String code = failureCode == null ? "" : failureCode.trim();
        String text = failure == null || failure.isBlank() ? "" : failure.trim();
        String suffix = text.isEmpty() ? (code.isEmpty() ? "" : " (" + code + ")")
                : ": " + text + (code.isEmpty() ? "" : " (" + code + ")");
        if (code.startsWith("SAFETY") || code.contains(".SAFETY")) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, CONTENT_POLICY + suffix);
        }
        if (code.startsWith("INPUT_PREPROCESSING") || code.startsWith("ASSET")) {
            return new PollResult.Failed(ErrorCode.INVALID_PARAMETER,
                    "Invalid parameter: the provider could not use the input" + suffix);
        }
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                "The provider failed the task" + (suffix.isEmpty() ? "." : suffix));
    }

}
