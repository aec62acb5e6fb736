package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Every BFL {@code StatusResponse} value, each mapped to a {@link PollResult}
 * (docs/providers/bfl.md).
 */
enum BflStatus {

    /** BFL has no separate queued state: a pending task counts as running. */
    PENDING("Pending"), READY("Ready"), REQUEST_MODERATED("Request Moderated"), CONTENT_MODERATED("Content Moderated"),
    ERROR("Error"), TASK_NOT_FOUND("Task not found");

    private final String wireValue;

    BflStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<BflStatus> fromWire(@Nullable String raw) {
        for (BflStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(@Nullable URI sample, @Nullable Double progress) {
        return switch (this) {
            case PENDING -> new PollResult.Pending(true, percent(progress));
            case READY -> sample == null
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported the image ready without a result.")
                    : new PollResult.Succeeded(List.of(ProviderOutput.url(sample)));
            case REQUEST_MODERATED -> new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The provider's content policy moderation rejected the request (prompt or input image).");
            case CONTENT_MODERATED -> new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The provider's content policy moderation withheld the generated image.");
            case ERROR -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed to generate the image.");
            case TASK_NOT_FOUND -> new PollResult.Failed(ErrorCode.NOT_FOUND,
                    "The provider no longer knows the task (unknown or expired).");
        };
    }

    /**
     * BFL reports progress as a fraction (0-1) in its examples; accept a percentage too.
     */
    private static @Nullable Integer percent(@Nullable Double progress) {
        if (progress == null || progress.isNaN()) {
            return null;
        }
        double value = progress <= 1.0 ? progress * 100 : progress;
        return (int) Math.round(Math.max(0, Math.min(100, value)));
    }

}
