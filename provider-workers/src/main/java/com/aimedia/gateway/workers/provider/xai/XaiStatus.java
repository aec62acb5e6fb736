package com.aimedia.gateway.workers.provider.xai;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/**
 * Every xAI video status (SDK {@code DeferredStatus}), each mapped to a
 * {@link PollResult}.
 */
enum XaiStatus {

    PENDING("pending"), DONE("done"), FAILED("failed"), EXPIRED("expired");

    private final String wireValue;

    XaiStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * No {@code status} yet counts as pending (the pending body is not pinned by the
     * docs).
     */
    static Optional<XaiStatus> fromWire(@Nullable String raw) {
        if (raw == null) {
            return Optional.of(PENDING);
        }
        for (XaiStatus status : values()) {
            if (status.wireValue.equalsIgnoreCase(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(XaiApi.VideoStatus answer) {
        return switch (this) {
            case PENDING -> PollResult.Pending.inProgress();
            case DONE -> done(answer.video());
            case FAILED -> XaiErrorClassifier.failure(answer.error());
            case EXPIRED -> new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The provider expired the video request before it finished.");
        };
    }

    /**
     * A done video that broke moderation carries no usable URL: that is a content policy
     * failure, not a success.
     */
    private static PollResult done(XaiApi.@Nullable Video video) {
        if (video != null && Boolean.FALSE.equals(video.respectModeration())) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The provider withheld the video under its content policy (moderation).");
        }
        if (video == null || video.url() == null || video.url().isBlank()) {
            return new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                    "The provider reported the video done without a URL.");
        }
        return PollResult.Succeeded.urls(java.util.List.of(URI.create(video.url())));
    }

}
