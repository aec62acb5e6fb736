package com.aimedia.gateway.orchestrator.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a task's public view that has to be published (an entry of the
 * in-document outbox, and the content of a TaskStatusChanged event).
 *
 * @param eventId derived from task id and version, so a re-publication of the same
 * version carries the same id
 * @param body the exact public JSON body of this version
 * @param traceParent the task's trace context (from its submission), which the
 * publication continues
 */
public record StatusChange(String eventId, String taskId, long version, TaskStatus status, String tenantId,
        String model, String provider, @Nullable String callbackUrl, Instant createdAt, Instant updatedAt,
        @Nullable Instant completedAt, List<String> outputs, @Nullable String error, @Nullable String errorCode,
        String body, Map<String, String> metadata, @Nullable List<String> webhookEvents, @Nullable Integer progress,
        boolean statusChanged, @Nullable String traceParent) {

    public StatusChange {
        outputs = List.copyOf(outputs);
        metadata = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(metadata));
        webhookEvents = webhookEvents == null ? null : List.copyOf(webhookEvents);
    }

    /**
     * The change that publishes the current view of a publishable state.
     * @param statusChanged false for a progress-only change (same status, higher version)
     */
    public static StatusChange of(TaskState state, boolean statusChanged) {
        Submission submission = state.submission();
        Instant updatedAt = state.updatedAt();
        if (submission == null || updatedAt == null) {
            throw new IllegalStateException("task " + state.taskId() + " has no submission yet: nothing to publish");
        }
        return new StatusChange(eventId(state.taskId(), state.version()), state.taskId(), state.version(),
                state.status(), submission.tenantId(), submission.model(), state.provider(), submission.callbackUrl(),
                submission.createdAt(), updatedAt, state.completedAt(), state.outputs(), state.error(),
                state.errorCode(), TaskBody.render(state), submission.metadata(), submission.webhookEvents(),
                state.visibleProgress(), statusChanged, submission.traceParent());
    }

    static String eventId(String taskId, long version) {
        return UUID.nameUUIDFromBytes((taskId + "/v" + version).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
