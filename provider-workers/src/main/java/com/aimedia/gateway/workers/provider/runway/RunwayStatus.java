package com.aimedia.gateway.workers.provider.runway;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/** Every documented Runway task {@code status}, each mapped to a {@link PollResult}. */
enum RunwayStatus {

    PENDING,
    /**
     * The organization is over its concurrency; Runway holds the task and starts it
     * later.
     */
    THROTTLED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    static Optional<RunwayStatus> fromWire(@Nullable String raw) {
        for (RunwayStatus status : values()) {
            if (status.name().equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether Runway still runs (or holds) the task, so a cancel stops it. */
    boolean isInFlight() {
        return this == PENDING || this == THROTTLED || this == RUNNING;
    }

    PollResult toPollResult(RunwayApi.Task task, List<URI> outputs) {
        return switch (this) {
            case PENDING, THROTTLED -> PollResult.Pending.inQueue();
            case RUNNING -> new PollResult.Pending(true, percent(task.progress()));
            case SUCCEEDED -> outputs.isEmpty()
                    ? new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                            "The provider reported success without a result file.")
                    : PollResult.Succeeded.urls(outputs);
            case FAILED -> RunwayErrorClassifier.failure(task.failureCode(), task.failure());
            case CANCELLED ->
                new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The task was cancelled at the provider.");
        };
    }

    /** Runway reports progress as a fraction 0-1. */
    private static @Nullable Integer percent(@Nullable Double progress) {
        if (progress == null || progress.isNaN()) {
            return null;
        }
        return (int) Math.round(Math.max(0, Math.min(1, progress)) * 100);
    }

}
