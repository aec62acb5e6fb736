package com.aimedia.gateway.workers.provider.xai;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.JsonNode;

/**
 * Maps xAI errors onto the gateway's taxonomy: HTTP errors ({@code {"code": .., "error":
 * ..}}; docs/providers/xai.md does not pin the shape or the limits, so the message is
 * also read for credits and moderation), and failures inside an HTTP 200
 * ({@code status: failed} with {@code error: {code, message}}).
 */
final class XaiErrorClassifier {

    private static final int MAX_MESSAGE = 300;

    private XaiErrorClassifier() {
    }

    static ProviderException classify(int httpStatus, @Nullable JsonNode body, @Nullable Duration retryAfter) {
        String message = message(body);
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("credits") || lower.contains("spending limit") || httpStatus == 402) {
            return new InsufficientCredits("The provider account has no credits left or reached its spending limit.");
        }
        if (moderation(lower) && httpStatus >= 400 && httpStatus < 500) {
            return new ContentRejected("The provider rejected the prompt under its content policy.");
        }
        if (httpStatus == 400 && lower.contains("api key")) {
            return new AuthenticationFailed("The provider refused the gateway's API key (HTTP 400).");
        }
        return HttpStatusClassifier.classify(httpStatus, truncate(message),
                "The provider is over its rate limit; try again later.", retryAfter);
    }

    /** A failure reported inside an HTTP 200 ({@code error: {code, message}}). */
    static PollResult.Failed failure(@Nullable JsonNode error) {
        String code = error == null ? "" : error.path("code").asString("");
        String message = error == null ? ""
                : error.isString() ? error.stringValue() : error.path("message").asString("");
        String lower = (code + " " + message).toLowerCase(Locale.ROOT);
        if (moderation(lower)) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The provider rejected the content under its content policy.");
        }
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, message.isBlank() ? "The provider failed the generation."
                : "The provider failed the generation: " + truncate(message));
    }

    /** The same failure as an exception, for the synchronous image path. */
    static ProviderException failureAsException(@Nullable JsonNode error) {
        PollResult.Failed failed = failure(error);
        return failed.code() == ErrorCode.CONTENT_POLICY ? new ContentRejected(failed.message())
                : new ProviderUnavailable(failed.message());
    }

    private static boolean moderation(String lower) {
        return lower.contains("moderation") || lower.contains("content policy") || lower.contains("safety");
    }

    private static String message(@Nullable JsonNode body) {
        if (body == null) {
            return "";
        }
        JsonNode error = body.get("error");
        if (error != null && error.isString()) {
            return error.stringValue();
        }
        if (error != null && error.isObject()) {
            return error.path("message").asString("");
        }
        return body.path("message").asString(body.path("detail").asString(""));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

}
