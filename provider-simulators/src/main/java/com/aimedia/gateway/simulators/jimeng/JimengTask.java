package com.aimedia.gateway.simulators.jimeng;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One task of the simulated account. Its status is a pure function of the time since
 * creation: {@code in_queue -> generating -> done} (or {@code expired} for a
 * {@code [sim:expired]} task), so a test with a stepped clock sees a deterministic
 * progression.
 */
final class JimengTask {

    static final String IN_QUEUE = "in_queue";
    static final String GENERATING = "generating";
    static final String DONE = "done";
    static final String EXPIRED = "expired";

    private final String taskId;

    private final String reqKey;

    private final boolean image;

    private final Instant createdAt;

    private final Duration queuedFor;

    private final Duration runningFor;

    private final @Nullable JimengError failure;

    private final boolean expires;

    private volatile @Nullable String forcedStatus;

    JimengTask(String taskId, String reqKey, boolean image, Instant createdAt, Duration queuedFor, Duration runningFor,
            @Nullable JimengError failure, boolean expires) {
        this.taskId = taskId;
        this.reqKey = reqKey;
        this.image = image;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.runningFor = runningFor;
        this.failure = failure;
        this.expires = expires;
    }

    String taskId() {
        return taskId;
    }

    String reqKey() {
        return reqKey;
    }

    boolean image() {
        return image;
    }

    @Nullable JimengError failure() {
        return failure;
    }

    void forceStatus(String raw) {
        this.forcedStatus = raw;
    }

    String status(Instant now) {
        String forced = forcedStatus;
        if (forced != null) {
            return forced;
        }
        if (now.isBefore(createdAt.plus(queuedFor))) {
            return IN_QUEUE;
        }
        if (now.isBefore(finishesAt())) {
            return GENERATING;
        }
        return expires ? EXPIRED : DONE;
    }

    boolean inFlight(Instant now) {
        String status = status(now);
        return IN_QUEUE.equals(status) || GENERATING.equals(status);
    }

    /**
     * A result URL works for {@code urlLifetime} after the task is done
     * (docs/providers/jimeng.md: 1 hour [secondary]).
     */
    boolean resultAvailable(Instant now, Duration urlLifetime) {
        return DONE.equals(status(now)) && failure == null && now.isBefore(finishesAt().plus(urlLifetime));
    }

    private Instant finishesAt() {
        return createdAt.plus(queuedFor).plus(runningFor);
    }

}
