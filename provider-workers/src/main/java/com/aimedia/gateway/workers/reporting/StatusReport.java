package com.aimedia.gateway.workers.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;

/**
 * What a worker learned about one task, for the orchestrator. {@code messaging} publishes
 * it as {@code TaskStatusReported} on {@code tasks.status}; service code never sees the
 * Avro record.
 *
 * @param progress 0-100 where the provider reports it, for {@link Outcome#PROGRESS}
 * @param outputs the published result URLs, for {@link Outcome#COMPLETED}
 * @param errorCode the gateway error code, for {@link Outcome#FAILED}
 * @param errorMessage words a user can act on, for {@link Outcome#FAILED}; never a secret
 */
public record StatusReport(String taskId, String provider, Outcome outcome, @Nullable String providerTaskId,
        @Nullable String providerRef, @Nullable Integer progress, List<String> outputs, @Nullable String errorCode,
        @Nullable String errorMessage) {

    /**
     * The error of a failure whose exception carried no message (every provider exception
     * names its reason).
     */
    public static final String NO_REASON = "The provider failed the task without a reason.";

    /** The provider accepted the task, is running it, finished it, or the task failed. */
    public enum Outcome {

        ACCEPTED, PROGRESS, COMPLETED, FAILED

    }

    public StatusReport {
        outputs = List.copyOf(outputs);
    }

    public static StatusReport accepted(String taskId, String provider, String providerTaskId,
            @Nullable String providerRef) {
        return new StatusReport(taskId, provider, Outcome.ACCEPTED, providerTaskId, providerRef, null, List.of(), null,
                null);
    }

    public static StatusReport progress(String taskId, String provider, @Nullable String providerTaskId,
            @Nullable Integer progress) {
        return new StatusReport(taskId, provider, Outcome.PROGRESS, providerTaskId, null, progress, List.of(), null,
                null);
    }

    public static StatusReport completed(String taskId, String provider, @Nullable String providerTaskId,
            @Nullable String providerRef, List<String> outputs) {
        return new StatusReport(taskId, provider, Outcome.COMPLETED, providerTaskId, providerRef, null, outputs, null,
                null);
    }

    public static StatusReport failed(String taskId, String provider, @Nullable String providerTaskId, ErrorCode code,
            @Nullable String message) {
        return failed(taskId, provider, providerTaskId, code.wireValue(), message);
    }

    public static StatusReport failed(String taskId, String provider, @Nullable String providerTaskId, String code,
            @Nullable String message) {
        return new StatusReport(taskId, provider, Outcome.FAILED, providerTaskId, null, null, List.of(), code,
                message == null ? NO_REASON : message);
    }
}
