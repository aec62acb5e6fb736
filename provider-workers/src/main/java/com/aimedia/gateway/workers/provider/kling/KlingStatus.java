package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/** Every documented Kling {@code task_status}, each mapped to a {@link PollResult}. */
enum KlingStatus {

    SUBMITTED("submitted"), PROCESSING("processing"),
    /** Sic: Kling spells success "succeed". */
    SUCCEED("succeed"), FAILED("failed");

    private final String wireValue;

    KlingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    static Optional<KlingStatus> fromWire(@Nullable String raw) {
        for (KlingStatus status : values()) {
            if (status.wireValue.equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(List<URI> resultUrls, @Nullable String statusMessage) {
        return switch (this) {
            case SUBMITTED -> PollResult.Pending.inQueue();
            case PROCESSING -> PollResult.Pending.inProgress();
            case SUCCEED -> resultUrls.isEmpty()
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported success without a result file.")
                    : PollResult.Succeeded.urls(resultUrls);
            case FAILED -> failure(statusMessage);
        };
    }

    private static PollResult.Failed failure(@Nullable String statusMessage) {
        String message = statusMessage == null || statusMessage.isBlank() ? "" : statusMessage.trim();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("risk") || lower.contains("sensitive") || lower.contains("content")
                || lower.contains("policy")) {
            return new PollResult.Failed(ErrorCode.CONTENT_POLICY, KlingErrorClassifier.CONTENT_POLICY);
        }
        return new PollResult.Failed(ErrorCode.PROVIDER_ERROR, message.isEmpty()
                ? "The provider failed the task without a reason." : "The provider failed the task: " + message);
    }

}
