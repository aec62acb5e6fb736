package com.aimedia.gateway.orchestrator.task.messaging;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.orchestrator.task.FailureCodes;
import com.aimedia.gateway.orchestrator.task.StatusChange;
import com.aimedia.gateway.orchestrator.task.Submission;
import com.aimedia.gateway.orchestrator.task.TaskEvent;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/** Maps the Avro events of the orchestrator's edge to and from domain records. */
final class TaskEventMapper {

    static final String DEFAULT_ERROR_CODE = "provider_error";
    static final String DEFAULT_ERROR_MESSAGE = "The provider could not complete the task.";
    static final String CANCELLED_MESSAGE = "The task was cancelled by its owner.";

    private TaskEventMapper() {
    }

    static TaskEvent.Submitted toEvent(TaskSubmitted event) {
        return toEvent(event, null);
    }

    /**
     * @param traceParent the trace context of the submit (the record's
     * {@code traceparent} header)
     */
    static TaskEvent.Submitted toEvent(TaskSubmitted event, @Nullable String traceParent) {
        String type = "TaskSubmitted";
        Submission submission = new Submission(required(type, "tenantId", event.getTenantId()),
                required(type, "model", event.getModel()), required(type, "provider", event.getProvider()),
                required(type, "providerModel", event.getProviderModel()), blankToNull(event.getCallbackUrl()),
                event.getCreatedAt(), event.getMetadata() == null ? java.util.Map.of() : event.getMetadata(),
                event.getWebhookEvents(), event.getVideoSeconds(), traceParent);
        return new TaskEvent.Submitted(required(type, "taskId", event.getTaskId()), event.getOccurredAt(), submission);
    }

    static TaskEvent toEvent(TaskStatusReported event) {
        String type = "TaskStatusReported";
        String taskId = required(type, "taskId", event.getTaskId());
        String provider = required(type, "provider", event.getProvider());
        String providerTaskId = blankToNull(event.getProviderTaskId());
        return switch (event.getOutcome()) {
            case ACCEPTED -> new TaskEvent.Accepted(taskId, provider, event.getOccurredAt(),
                    required(type, "providerTaskId", providerTaskId), blankToNull(event.getProviderRef()));
            case PROGRESS ->
                new TaskEvent.Progressed(taskId, provider, event.getOccurredAt(), providerTaskId, event.getProgress());
            case COMPLETED ->
                new TaskEvent.Completed(taskId, provider, event.getOccurredAt(), providerTaskId, event.getOutputs());
            case FAILED -> new TaskEvent.Failed(taskId, provider, event.getOccurredAt(), providerTaskId,
                    orDefault(event.getErrorCode(), DEFAULT_ERROR_CODE),
                    orDefault(event.getErrorMessage(), DEFAULT_ERROR_MESSAGE));
        };
    }

    /**
     * A cancel is a failure the owner chose: it ends the task like any failure (unless it
     * already ended: terminal states are final), so polling stops and the webhook goes
     * out through the usual outbox.
     */
    static TaskEvent.Failed toEvent(TaskCancelRequested event) {
        String type = "TaskCancelRequested";
        return new TaskEvent.Failed(required(type, "taskId", event.getTaskId()),
                required(type, "provider", event.getProvider()), event.getOccurredAt(), null, FailureCodes.CANCELLED,
                CANCELLED_MESSAGE);
    }

    static TaskStatusChanged toAvro(StatusChange change) {
        return TaskStatusChanged.newBuilder()
            .setEventId(change.eventId())
            .setTaskId(change.taskId())
            .setOccurredAt(change.updatedAt())
            .setTenantId(change.tenantId())
            .setModel(change.model())
            .setProvider(change.provider())
            .setVersion(change.version())
            .setStatus(status(change.status()))
            .setCreatedAt(change.createdAt())
            .setUpdatedAt(change.updatedAt())
            .setCompletedAt(change.completedAt())
            .setOutputs(List.copyOf(change.outputs()))
            .setError(change.error())
            .setErrorCode(change.errorCode())
            .setCallbackUrl(change.callbackUrl())
            .setBody(change.body())
            .setMetadata(new java.util.LinkedHashMap<>(change.metadata()))
            .setWebhookEvents(change.webhookEvents() == null ? null : List.copyOf(change.webhookEvents()))
            .setProgress(change.progress())
            .setStatusChanged(change.statusChanged())
            .build();
    }

    private static TaskStatus status(com.aimedia.gateway.orchestrator.task.TaskStatus status) {
        return switch (status) {
            case QUEUED -> TaskStatus.QUEUED;
            case IN_PROGRESS -> TaskStatus.IN_PROGRESS;
            case COMPLETED -> TaskStatus.COMPLETED;
            case FAILED -> TaskStatus.FAILED;
        };
    }

    static String required(String type, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(type, field);
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

}
