package com.aimedia.gateway.simulators.luma;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generation of the simulated account. Its state is a pure function of the time since
 * creation ({@code queued -> dreaming -> completed | failed}), so tests with a stepped
 * clock see a deterministic progression.
 */
final class LumaGeneration {

    static final String QUEUED = "queued";
    static final String DREAMING = "dreaming";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    private final String id;

    private final String type;

    private final String model;

    private final Instant createdAt;

    private final Duration queuedFor;

    private final Duration dreamingFor;

    private final @Nullable String failureReason;

    private final String extension;

    private final JsonNode request;

    private final @Nullable String callbackUrl;

    private volatile @Nullable String forcedState;

    LumaGeneration(String id, String type, String model, Instant createdAt, Duration queuedFor, Duration dreamingFor,
            @Nullable String failureReason, String extension, JsonNode request, @Nullable String callbackUrl) {
        this.id = id;
        this.type = type;
        this.model = model;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.dreamingFor = dreamingFor;
        this.failureReason = failureReason;
        this.extension = extension;
        this.request = request;
        this.callbackUrl = callbackUrl;
    }

    String id() {
        return id;
    }

    boolean isImage() {
        return "image".equals(type);
    }

    String extension() {
        return extension;
    }

    @Nullable String callbackUrl() {
        return callbackUrl;
    }

    Duration queuedFor() {
        return queuedFor;
    }

    Duration finishesAfter() {
        return queuedFor.plus(dreamingFor);
    }

    Instant createdAt() {
        return createdAt;
    }

    void forceState(String raw) {
        forcedState = raw;
    }

    String state(Instant now) {
        String forced = forcedState;
        if (forced != null) {
            return forced;
        }
        if (now.isBefore(createdAt.plus(queuedFor))) {
            return QUEUED;
        }
        if (now.isBefore(createdAt.plus(finishesAfter()))) {
            return DREAMING;
        }
        return failureReason == null ? COMPLETED : FAILED;
    }

    boolean inFlight(Instant now) {
        String state = state(now);
        return QUEUED.equals(state) || DREAMING.equals(state);
    }

    boolean completed(Instant now) {
        return COMPLETED.equals(state(now));
    }

    /**
     * The documented Generation object; {@code failedWith} renders a failure regardless
     * of the timeline.
     */
    ObjectNode render(ObjectNode node, Instant now, String filesBase, @Nullable String failedWith) {
        String state = failedWith != null ? FAILED : state(now);
        node.put("id", id);
        node.put("generation_type", type);
        node.put("state", state);
        if (FAILED.equals(state)) {
            node.put("failure_reason", failedWith != null ? failedWith : failureReason);
        }
        else {
            node.putNull("failure_reason");
        }
        node.put("created_at", createdAt.toString());
        node.put("model", model);
        ObjectNode assets = node.putObject("assets");
        if (COMPLETED.equals(state)) {
            assets.put(isImage() ? "image" : "video", filesBase + "/files/" + id + "." + extension);
        }
        node.set("request", request.deepCopy());
        return node;
    }

}
