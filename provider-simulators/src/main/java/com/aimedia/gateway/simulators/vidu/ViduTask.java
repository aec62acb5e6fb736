package com.aimedia.gateway.simulators.vidu;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One task of the simulated Vidu organisation. It waits {@code created} for its queue
 * time, then for a concurrency slot ({@code queueing} while all slots are busy: Vidu
 * accepts excess tasks instead of refusing them), then runs ({@code processing}) and ends
 * {@code success} or {@code failed} with an {@code err_code}. The account assigns the
 * start time under its lock; everything else is a function of the clock.
 */
final class ViduTask {

    static final String CREATED = "created";
    static final String QUEUEING = "queueing";
    static final String PROCESSING = "processing";
    static final String SUCCESS = "success";
    static final String FAILED = "failed";

    final String taskId;

    final String model;

    final String payload;

    final @Nullable String callbackUrl;

    final Instant createdAt;

    final Instant eligibleAt;

    final Duration processingFor;

    final @Nullable String failureCode;

    final String creationId;

    final boolean bgm;

    final int credits;

    private @Nullable Instant startedAt;

    private volatile @Nullable String forcedState;

    private @Nullable String notifiedState;

    ViduTask(String taskId, String model, String payload, @Nullable String callbackUrl, Instant createdAt,
            Duration queuedFor, Duration processingFor, @Nullable String failureCode, String creationId, boolean bgm,
            int credits) {
        this.taskId = taskId;
        this.model = model;
        this.payload = payload;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
        this.eligibleAt = createdAt.plus(queuedFor);
        this.processingFor = processingFor;
        this.failureCode = failureCode;
        this.creationId = creationId;
        this.bgm = bgm;
        this.credits = credits;
    }

    String state(Instant now) {
        String forced = forcedState;
        if (forced != null) {
            return forced;
        }
        Instant started = startedAt;
        if (started == null) {
            return now.isBefore(eligibleAt) ? CREATED : QUEUEING;
        }
        if (now.isBefore(started.plus(processingFor))) {
            return PROCESSING;
        }
        return failureCode == null ? SUCCESS : FAILED;
    }

    boolean waitingForSlot(Instant now) {
        return startedAt == null && !now.isBefore(eligibleAt);
    }

    boolean holdsSlot(Instant now) {
        return startedAt != null && now.isBefore(startedAt.plus(processingFor));
    }

    @Nullable Instant finishedAt() {
        Instant started = startedAt;
        return started == null ? null : started.plus(processingFor);
    }

    void start(Instant now) {
        startedAt = now;
    }

    void force(String rawState) {
        forcedState = rawState;
    }

    /**
     * The state to announce by callback, once per change; null when nothing new is worth
     * a callback.
     */
    @Nullable String takeStateToNotify(Instant now) {
        String state = state(now);
        if (callbackUrl == null || CREATED.equals(state) || QUEUEING.equals(state) || state.equals(notifiedState)) {
            return null;
        }
        notifiedState = state;
        return state;
    }

    /** The body of {@code GET /tasks/{id}/creations}, which is also the callback body. */
    void render(ObjectNode body, String state, String filesBase, Instant urlExpiresAt) {
        body.put("id", taskId);
        body.put("state", state);
        body.put("err_code", FAILED.equals(state) && failureCode != null ? failureCode : "");
        body.put("credits", SUCCESS.equals(state) ? credits : 0);
        body.put("payload", payload);
        body.put("bgm", bgm);
        body.put("off_peak", false);
        var creations = body.putArray("creations");
        if (SUCCESS.equals(state)) {
            long expires = urlExpiresAt.getEpochSecond();
            ObjectNode creation = creations.addObject();
            creation.put("id", creationId);
            creation.put("url", filesBase + creationId + ".mp4?expires=" + expires);
            creation.put("cover_url", filesBase + creationId + ".jpg?expires=" + expires);
            creation.put("watermarked_url", filesBase + creationId + "-wm.mp4?expires=" + expires);
        }
    }

}
