package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;

/** Builds TaskStatusReported events (the Avro edge of this feature). */
final class StatusReports {

    /** The error of a failure whose exception carried no message (every provider exception names its reason). */
    static final String NO_REASON = "The provider failed the task without a reason.";

    private final Clock clock;

    StatusReports(Clock clock) {
        this.clock = clock;
    }

    TaskStatusReported accepted(String taskId, String provider, String providerTaskId, @Nullable String providerRef) {
        return base(taskId, provider, ReportedOutcome.ACCEPTED).setProviderTaskId(providerTaskId)
            .setProviderRef(providerRef).build();
    }

    TaskStatusReported progress(String taskId, String provider, @Nullable String providerTaskId, @Nullable Integer progress) {
        return base(taskId, provider, ReportedOutcome.PROGRESS).setProviderTaskId(providerTaskId).setProgress(progress)
            .build();
    }

    TaskStatusReported completed(String taskId, String provider, @Nullable String providerTaskId,
            @Nullable String providerRef, List<String> outputs) {
        return base(taskId, provider, ReportedOutcome.COMPLETED).setProviderTaskId(providerTaskId)
            .setProviderRef(providerRef).setOutputs(List.copyOf(outputs)).build();
    }

    TaskStatusReported failed(String taskId, String provider, @Nullable String providerTaskId, ErrorCode code,
            @Nullable String message) {
        return failed(taskId, provider, providerTaskId, code.wireValue(), message);
    }

    TaskStatusReported failed(String taskId, String provider, @Nullable String providerTaskId, String code,
            @Nullable String message) {
        return base(taskId, provider, ReportedOutcome.FAILED).setProviderTaskId(providerTaskId).setErrorCode(code)
            .setErrorMessage(message == null ? NO_REASON : message).build();
    }

    private TaskStatusReported.Builder base(String taskId, String provider, ReportedOutcome outcome) {
        return TaskStatusReported.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(clock.instant())
            .setProvider(provider)
            .setOutcome(outcome)
            .setOutputs(List.of());
    }
}
