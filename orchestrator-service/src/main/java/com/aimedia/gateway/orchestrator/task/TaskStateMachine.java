package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.orchestrator.task.TaskEvent.Accepted;
import com.aimedia.gateway.orchestrator.task.TaskEvent.Completed;
import com.aimedia.gateway.orchestrator.task.TaskEvent.Failed;
import com.aimedia.gateway.orchestrator.task.TaskEvent.Progressed;
import com.aimedia.gateway.orchestrator.task.TaskEvent.Submitted;

/**
 * Decides what an event does to a task; no I/O. Applying events is commutative: every
 * field is either set once by the first event that knows it (submission, provider task
 * id, polling start) or follows the highest status rank seen, with the timestamps of the
 * event that set it. A status only moves forward and a terminal status is final (when
 * both a completion and a failure arrive, the first one applied wins).
 */
public class TaskStateMachine {

    private final PollingPolicy pollingPolicy;

    public TaskStateMachine(PollingPolicy pollingPolicy) {
        this.pollingPolicy = pollingPolicy;
    }

    public Transition next(@Nullable TaskState current, TaskEvent event) {
        TaskState before = current != null ? current : TaskState.initial(event.taskId(), event.provider());
        TaskState after = switch (event) {
            case Submitted submitted -> submitted(before, submitted);
            case Accepted accepted -> accepted(before, accepted);
            case Progressed progressed -> progressed(moveTo(fillProviderTaskId(before, progressed.providerTaskId()),
                    TaskStatus.IN_PROGRESS, progressed.occurredAt(), List.of(), null, null), progressed.progress());
            case Completed completed -> moveTo(fillProviderTaskId(before, completed.providerTaskId()),
                    TaskStatus.COMPLETED, completed.occurredAt(), completed.outputs(), null, null);
            case Failed failed -> moveTo(fillProviderTaskId(before, failed.providerTaskId()), TaskStatus.FAILED,
                    failed.occurredAt(), List.of(), failed.errorMessage(), failed.errorCode());
        };
        if (current != null && after.equals(current)) {
            return new Transition.Unchanged(current);
        }
        return new Transition.Changed(current, after, publication(current, after));
    }

    /**
     * A visible change is published once the owner is known: a new status, the owner
     * becoming known, or a higher progress while in progress (a new version without a new
     * status).
     */
    private static @Nullable StatusChange publication(@Nullable TaskState current, TaskState after) {
        if (!after.isPublishable()) {
            return null;
        }
        if (current == null || !current.isPublishable() || current.status() != after.status()) {
            return StatusChange.of(after, true);
        }
        return current.version() != after.version() ? StatusChange.of(after, false) : null;
    }

    /**
     * Progress counts only while in progress and only upwards (the highest report wins),
     * so applying reports in any order gives the same state; a report after the end
     * changes nothing.
     */
    private static TaskState progressed(TaskState state, @Nullable Integer progress) {
        if (state.status() != TaskStatus.IN_PROGRESS || progress == null
                || (state.progress() != null && state.progress() >= progress)) {
            return state;
        }
        return state.withProgress(progress);
    }

    private TaskState submitted(TaskState before, Submitted event) {
        if (before.submission() != null) {
            return before;
        }
        Submission submission = event.submission();
        Instant deadlineAt = submission.createdAt().plus(pollingPolicy.deadline(submission.provider()));
        // until the provider is seen to accept the task, look at it again to ask the
        // workers what became of the
        // submission (the acceptance report may have been lost in a crash), and at the
        // latest at its deadline
        Instant acceptanceCheck = submission.createdAt()
            .plus(pollingPolicy.acceptanceCheckDelay(submission.provider()));
        Instant nextPollAt = before.status().isTerminal() ? null
                : earliest(before.nextPollAt(), earliest(acceptanceCheck, deadlineAt));
        return before.withSubmission(submission, deadlineAt, nextPollAt);
    }

    private TaskState accepted(TaskState before, Accepted event) {
        TaskState state = before.withProviderTask(
                before.providerTaskId() != null ? before.providerTaskId() : event.providerTaskId(),
                before.providerRef() != null ? before.providerRef() : event.providerRef());
        if (state.pollingSince() != null) {
            return state;
        }
        Instant firstPoll = event.occurredAt().plus(pollingPolicy.firstPollDelay(state.provider()));
        Instant nextPollAt = state.status().isTerminal() ? null
                : earliest(earliest(state.nextPollAt(), firstPoll), state.deadlineAt());
        return state.withPolling(event.occurredAt(), nextPollAt);
    }

    private static TaskState fillProviderTaskId(TaskState state, @Nullable String providerTaskId) {
        return state.providerTaskId() != null || providerTaskId == null ? state
                : state.withProviderTask(providerTaskId, state.providerRef());
    }

    private static TaskState moveTo(TaskState state, TaskStatus target, Instant at, List<String> outputs,
            @Nullable String error, @Nullable String errorCode) {
        if (target.rank() <= state.status().rank()) {
            return state;
        }
        Instant nextPollAt = target.isTerminal() ? null : state.nextPollAt();
        TaskState moved = state.withStatus(target, at, outputs, error, errorCode, nextPollAt);
        // a terminal state forgets the progress, so it is the same whether a progress
        // report came before or after
        return target.isTerminal() ? moved.withProgress(null) : moved;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

}
