package com.aimedia.gateway.simulators.doubao;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One Ark task. Its status is a pure function of time:
 * {@code queued -> running -> succeeded | failed | expired}, or {@code cancelled} once a
 * queued task is deleted.
 */
final class DoubaoTask {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";
    static final String EXPIRED = "expired";

    private final String id;

    private final String model;

    private final Instant createdAt;

    private final Duration queuedFor;

    private final Duration runningFor;

    private final @Nullable String failureCode;

    private final boolean expires;

    private final boolean returnLastFrame;

    private final @Nullable String callbackUrl;

    private volatile @Nullable String forcedStatus;

    DoubaoTask(String id, String model, Instant createdAt, Duration queuedFor, Duration runningFor,
            @Nullable String failureCode, boolean expires, boolean returnLastFrame, @Nullable String callbackUrl) {
        this.id = id;
        this.model = model;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.runningFor = runningFor;
        this.failureCode = failureCode;
        this.expires = expires;
        this.returnLastFrame = returnLastFrame;
        this.callbackUrl = callbackUrl;
    }

    String id() {
        return id;
    }

    @Nullable String callbackUrl() {
        return callbackUrl;
    }

    Duration queuedFor() {
        return queuedFor;
    }

    Duration runningFor() {
        return runningFor;
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
            return QUEUED;
        }
        if (expires) {
            // execution_expires_after passed while the task still waited
            return EXPIRED;
        }
        if (now.isBefore(createdAt.plus(queuedFor).plus(runningFor))) {
            return RUNNING;
        }
        return failureCode == null ? SUCCEEDED : FAILED;
    }

    boolean inFlight(Instant now) {
        String status = status(now);
        return QUEUED.equals(status) || RUNNING.equals(status);
    }

    boolean succeeded(Instant now) {
        return SUCCEEDED.equals(status(now));
    }

    /** The task object of a GET answer and of a callback. */
    void render(ObjectNode node, Instant now, String filesBase) {
        String status = status(now);
        node.put("id", id);
        node.put("model", model);
        node.put("status", status);
        if (FAILED.equals(status)) {
            ObjectNode error = node.putObject("error");
            error.put("code", failureCode);
            error.put("message", "The request failed because the output video may contain sensitive information.");
        }
        else {
            node.putNull("error");
        }
        if (SUCCEEDED.equals(status)) {
            ObjectNode content = node.putObject("content");
            // TOS-style signed URL shape: the query is part of what the client must keep
            content.put("video_url", filesBase + id + ".mp4?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Expires=86400");
            if (returnLastFrame) {
                content.put("last_frame_url", filesBase + id + ".png?X-Tos-Algorithm=TOS4-HMAC-SHA256");
            }
            ObjectNode usage = node.putObject("usage");
            usage.put("completion_tokens", 108900);
            usage.put("total_tokens", 108900);
        }
        node.put("created_at", createdAt.getEpochSecond());
        node.put("updated_at", now.getEpochSecond());
    }

}
