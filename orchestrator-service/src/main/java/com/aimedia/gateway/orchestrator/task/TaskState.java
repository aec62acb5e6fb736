package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the orchestrator knows about one task, without storage bookkeeping.
 *
 * @param provider the provider id, known from the first event of any kind
 * @param submission absent while only provider reports have arrived (a report overtook
 * its TaskSubmitted)
 * @param statusChangedAt when the event that moved the task into its current status
 * happened; null while queued
 * @param pollingSince when the provider accepted the task (polling starts then)
 * @param nextPollAt when the poll scheduler looks at the task next; null once terminal
 * @param deadlineAt created_at plus the provider's deadline; null until the submission is
 * known
 * @param progress the highest progress (0-100) the provider reported while running; null
 * if it reported none
 */
public record TaskState(String taskId, String provider, @Nullable Submission submission, TaskStatus status,
        @Nullable Instant statusChangedAt, List<String> outputs, @Nullable String error, @Nullable String errorCode,
        @Nullable String providerTaskId, @Nullable String providerRef, @Nullable Instant pollingSince,
        @Nullable Instant nextPollAt, @Nullable Instant deadlineAt, @Nullable Integer progress) {

    /**
     * Versions: queued 1; in progress 2 plus the progress (2 to 102); completed or failed
     * {@value}.
     */
    public static final long TERMINAL_VERSION = 1000;

    public TaskState {
        outputs = List.copyOf(outputs);
    }

    /** A state without a progress report. */
    public TaskState(String taskId, String provider, @Nullable Submission submission, TaskStatus status,
            @Nullable Instant statusChangedAt, List<String> outputs, @Nullable String error, @Nullable String errorCode,
            @Nullable String providerTaskId, @Nullable String providerRef, @Nullable Instant pollingSince,
            @Nullable Instant nextPollAt, @Nullable Instant deadlineAt) {
        this(taskId, provider, submission, status, statusChangedAt, outputs, error, errorCode, providerTaskId,
                providerRef, pollingSince, nextPollAt, deadlineAt, null);
    }

    /** The state of a task no event has been applied to yet. */
    static TaskState initial(String taskId, String provider) {
        return new TaskState(taskId, provider, null, TaskStatus.QUEUED, null, List.of(), null, null, null, null, null,
                null, null);
    }

    /**
     * The public version, a function of the status and the progress, so it is the same
     * whatever order the events came in: queued 1; in progress 2 plus the progress (a
     * progress report raises it within in_progress); completed or failed
     * {@link #TERMINAL_VERSION}, above any progress.
     */
    public long version() {
        return switch (status) {
            case QUEUED -> 1;
            case IN_PROGRESS -> 2 + (progress == null ? 0 : progress);
            case COMPLETED, FAILED -> TERMINAL_VERSION;
        };
    }

    /** The progress shown in the body: only while in progress. */
    public @Nullable Integer visibleProgress() {
        return status == TaskStatus.IN_PROGRESS ? progress : null;
    }

    TaskState withProgress(@Nullable Integer newProgress) {
        return new TaskState(taskId, provider, submission, status, statusChangedAt, outputs, error, errorCode,
                providerTaskId, providerRef, pollingSince, nextPollAt, deadlineAt, newProgress);
    }

    public @Nullable Instant completedAt() {
        return status.isTerminal() ? statusChangedAt : null;
    }

    /**
     * Queued tasks were last updated when created; later statuses when the event that set
     * them happened.
     */
    public @Nullable Instant updatedAt() {
        if (status == TaskStatus.QUEUED) {
            return submission == null ? null : submission.createdAt();
        }
        return statusChangedAt;
    }

    /** Whether the task may be shown and published: only once its owner is known. */
    public boolean isPublishable() {
        return submission != null;
    }

    TaskState withSubmission(Submission newSubmission, Instant newDeadlineAt, @Nullable Instant newNextPollAt) {
        return new TaskState(taskId, newSubmission.provider(), newSubmission, status, statusChangedAt, outputs, error,
                errorCode, providerTaskId, providerRef, pollingSince, newNextPollAt, newDeadlineAt, progress);
    }

    TaskState withStatus(TaskStatus newStatus, Instant at, List<String> newOutputs, @Nullable String newError,
            @Nullable String newErrorCode, @Nullable Instant newNextPollAt) {
        return new TaskState(taskId, provider, submission, newStatus, at, newOutputs, newError, newErrorCode,
                providerTaskId, providerRef, pollingSince, newNextPollAt, deadlineAt, progress);
    }

    TaskState withProviderTask(@Nullable String newProviderTaskId, @Nullable String newProviderRef) {
        return new TaskState(taskId, provider, submission, status, statusChangedAt, outputs, error, errorCode,
                newProviderTaskId, newProviderRef, pollingSince, nextPollAt, deadlineAt, progress);
    }

    TaskState withPolling(Instant newPollingSince, @Nullable Instant newNextPollAt) {
        return new TaskState(taskId, provider, submission, status, statusChangedAt, outputs, error, errorCode,
                providerTaskId, providerRef, newPollingSince, newNextPollAt, deadlineAt, progress);
    }
}
