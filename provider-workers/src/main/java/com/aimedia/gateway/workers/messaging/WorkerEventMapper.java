package com.aimedia.gateway.workers.messaging;

import java.time.Instant;
import java.util.UUID;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.workers.polling.PollTask;
import com.aimedia.gateway.workers.reporting.StatusReport;
import com.aimedia.gateway.workers.submission.CancelTask;
import com.aimedia.gateway.workers.submission.CheckSubmission;
import com.aimedia.gateway.workers.submission.SubmitTask;

/**
 * The one place where Avro records become domain records and back. Each event published
 * gets a fresh {@code eventId} (consumers drop duplicates by it) and the time it is
 * published.
 */
final class WorkerEventMapper {

    private WorkerEventMapper() {
    }

    static SubmitTask toCommand(TaskSubmitted event) {
        return new SubmitTask(event.getTaskId(), event.getProvider(), event.getTenantId(), event.getModel(),
                event.getProviderModel(), event.getInput(), event.getCreatedAt());
    }

    static PollTask toCommand(PollRequested event) {
        return new PollTask(event.getTaskId(), event.getProvider(), event.getProviderTaskId(), event.getProviderRef(),
                event.getAttempt());
    }

    static CheckSubmission toCommand(SubmissionCheckRequested event) {
        return new CheckSubmission(event.getTaskId(), event.getProvider());
    }

    static CancelTask toCommand(TaskCancelRequested event) {
        return new CancelTask(event.getTaskId(), event.getProvider(), event.getTenantId());
    }

    static TaskStatusReported toEvent(StatusReport report, Instant occurredAt) {
        return TaskStatusReported.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(report.taskId())
            .setOccurredAt(occurredAt)
            .setProvider(report.provider())
            .setOutcome(outcome(report.outcome()))
            .setProviderTaskId(report.providerTaskId())
            .setProviderRef(report.providerRef())
            .setProgress(report.progress())
            .setOutputs(report.outputs())
            .setErrorCode(report.errorCode())
            .setErrorMessage(report.errorMessage())
            .build();
    }

    static ProviderCallbackReceived callbackReceived(String taskId, String provider, Instant occurredAt) {
        return ProviderCallbackReceived.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(occurredAt)
            .setProvider(provider)
            .build();
    }

    private static ReportedOutcome outcome(StatusReport.Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> ReportedOutcome.ACCEPTED;
            case PROGRESS -> ReportedOutcome.PROGRESS;
            case COMPLETED -> ReportedOutcome.COMPLETED;
            case FAILED -> ReportedOutcome.FAILED;
        };
    }

}
