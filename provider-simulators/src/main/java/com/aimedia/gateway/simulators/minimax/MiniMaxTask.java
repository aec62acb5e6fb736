package com.aimedia.gateway.simulators.minimax;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One simulated video task: {@code Preparing}, {@code Queueing}, {@code Processing}, then
 * {@code Success} with a {@code file_id} or {@code Fail}. Its status is a function of the
 * clock.
 */
final class MiniMaxTask {

    static final String PREPARING = "Preparing";
    static final String QUEUEING = "Queueing";
    static final String PROCESSING = "Processing";
    static final String SUCCESS = "Success";
    static final String FAIL = "Fail";

    final String taskId;

    final String fileId;

    final Instant createdAt;

    final Duration queuedFor;

    final Duration processingFor;

    final @Nullable MiniMaxError failure;

    final @Nullable String callbackUrl;

    final int width;

    final int height;

    private volatile @Nullable String forcedStatus;

    volatile boolean callbackVerified;

    private @Nullable String notified;

    MiniMaxTask(String taskId, String fileId, Instant createdAt, Duration queuedFor, Duration processingFor,
            @Nullable MiniMaxError failure, @Nullable String callbackUrl, int width, int height) {
        this.taskId = taskId;
        this.fileId = fileId;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.processingFor = processingFor;
        this.failure = failure;
        this.callbackUrl = callbackUrl;
        this.width = width;
        this.height = height;
    }

    String status(Instant now) {
        String forced = forcedStatus;
        if (forced != null) {
            return forced;
        }
        Duration age = Duration.between(createdAt, now);
        if (age.compareTo(queuedFor.dividedBy(2)) < 0) {
            return PREPARING;
        }
        if (age.compareTo(queuedFor) < 0) {
            return QUEUEING;
        }
        if (age.compareTo(queuedFor.plus(processingFor)) < 0) {
            return PROCESSING;
        }
        return failure == null ? SUCCESS : FAIL;
    }

    Instant finishedAt() {
        return createdAt.plus(queuedFor).plus(processingFor);
    }

    void force(String raw) {
        forcedStatus = raw;
    }

    /**
     * The lowercase callback status to push now ({@code processing}, {@code success},
     * {@code failed}), once each.
     */
    @Nullable String takeCallbackStatus(Instant now) {
        String status = switch (status(now)) {
            case PROCESSING -> "processing";
            case SUCCESS -> "success";
            case FAIL -> "failed";
            default -> null;
        };
        if (status == null || !callbackVerified || status.equals(notified)) {
            return null;
        }
        notified = status;
        return status;
    }

}
