package com.aimedia.gateway.workers.provider.wan;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.PollResult;

/**
 * Every DashScope {@code task_status} (docs/providers/wan.md). {@code UNKNOWN} is what
 * DashScope answers, with HTTP 200, for a task it does not know or no longer keeps (tasks
 * live 24 hours): it is never a success.
 */
enum WanStatus {

    PENDING, RUNNING, SUSPENDED, SUCCEEDED, FAILED, CANCELED, UNKNOWN;

    static Optional<WanStatus> fromWire(@Nullable String raw) {
        for (WanStatus status : values()) {
            if (status.name().equals(raw)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    PollResult toPollResult(WanApi.Output output) {
        return switch (this) {
            case PENDING -> PollResult.Pending.inQueue();
            case RUNNING, SUSPENDED -> PollResult.Pending.inProgress();
            case SUCCEEDED -> succeeded(output);
            case FAILED -> WanErrorClassifier.taskFailure(output.code(), output.message());
            case CANCELED -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The task was cancelled at the provider.");
            case UNKNOWN -> new PollResult.Failed(ErrorCode.NOT_FOUND, "The provider no longer knows this task: it "
                    + "does not exist or expired (DashScope keeps tasks and results for 24 hours).");
        };
    }

    /**
     * A video task has {@code video_url}; an image task has {@code results[]}, where
     * items the safety filter or an error removed carry a code instead of a URL. A
     * success with no usable URL is a failure.
     */
    private static PollResult succeeded(WanApi.Output output) {
        List<URI> urls = new ArrayList<>();
        if (output.videoUrl() != null && !output.videoUrl().isBlank()) {
            urls.add(URI.create(output.videoUrl()));
        }
        List<WanApi.Result> results = output.results() == null ? List.of() : output.results();
        for (WanApi.Result result : results) {
            if (result.url() != null && !result.url().isBlank()) {
                urls.add(URI.create(result.url()));
            }
        }
        if (!urls.isEmpty()) {
            return PollResult.Succeeded.urls(urls);
        }
        return results.stream()
            .filter(result -> result.code() != null)
            .findFirst()
            .map(result -> WanErrorClassifier.taskFailure(result.code(), result.message()))
            .orElseGet(() -> new PollResult.Failed(ErrorCode.PROVIDER_ERROR,
                    "The provider reported success without a result."));
    }

}
