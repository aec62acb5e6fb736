package com.aimedia.gateway.simulators.runway;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One task of the simulated organization. Its status is a pure function of time since
 * creation: {@code THROTTLED} (only while the organization was over its concurrency)
 * {@code -> PENDING -> RUNNING ->
 * SUCCEEDED | FAILED}; a cancel makes it {@code CANCELLED}.
 */
final class RunwayTask {

    static final String THROTTLED = "THROTTLED";
    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    /** Why a task fails: Runway's human text and machine code. */
    record Failure(String failure, String failureCode) {
    }

    private final String id;

    private final Instant createdAt;

    private final Duration throttledFor;

    private final Duration pendingFor;

    private final Duration runningFor;

    private final @Nullable Failure failure;

    private final String extension;

    private volatile @Nullable String forcedStatus;

    RunwayTask(String id, Instant createdAt, Duration throttledFor, Duration pendingFor, Duration runningFor,
            @Nullable Failure failure, String extension) {
        this.id = id;
        this.createdAt = createdAt;
        this.throttledFor = throttledFor;
        this.pendingFor = pendingFor;
        this.runningFor = runningFor;
        this.failure = failure;
        this.extension = extension;
    }

    String id() {
        return id;
    }

    String extension() {
        return extension;
    }

    void forceStatus(String raw) {
        forcedStatus = raw;
    }

    String status(Instant now) {
        String forced = forcedStatus;
        if (forced != null) {
            return forced;
        }
        Instant pendingFrom = createdAt.plus(throttledFor);
        Instant runningFrom = pendingFrom.plus(pendingFor);
        if (now.isBefore(pendingFrom)) {
            return THROTTLED;
        }
        if (now.isBefore(runningFrom)) {
            return PENDING;
        }
        if (now.isBefore(runningFrom.plus(runningFor))) {
            return RUNNING;
        }
        return failure == null ? SUCCEEDED : FAILED;
    }

    boolean inFlight(Instant now) {
        String status = status(now);
        return PENDING.equals(status) || RUNNING.equals(status) || THROTTLED.equals(status);
    }

    /** When this task frees its concurrency slot. */
    Instant endsAt() {
        return createdAt.plus(throttledFor).plus(pendingFor).plus(runningFor);
    }

    /**
     * The documented task object; {@code outputUrl} is a fresh, expiring URL of the
     * result.
     */
    ObjectNode render(ObjectNode node, Instant now, String outputUrl) {
        String status = status(now);
        node.put("id", id);
        node.put("createdAt", createdAt.toString());
        node.put("status", status);
        if (RUNNING.equals(status)) {
            long elapsed = Duration.between(createdAt.plus(throttledFor).plus(pendingFor), now).toMillis();
            node.put("progress", runningFor.isZero() ? 0 : Math.min(0.99, (double) elapsed / runningFor.toMillis()));
        }
        if (SUCCEEDED.equals(status)) {
            node.putArray("output").add(outputUrl);
        }
        if (FAILED.equals(status) && failure != null) {
            node.put("failure", failure.failure());
            node.put("failureCode", failure.failureCode());
        }
        return node;
    }

}
