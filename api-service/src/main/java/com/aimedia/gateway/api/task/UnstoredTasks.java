package com.aimedia.gateway.api.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * What a task id means that verifies for the tenant but is not in {@code tasks}.
 * Read-your-writes answers such an id {@code queued} (the orchestrator has not stored the
 * task yet), but only while that can be true: an id older than the tenant's task-record
 * retention belonged to a task whose record was deleted (410 {@code task_expired}), and
 * one older than {@code gateway.api.unstored-task-window} was never stored (404
 * {@code task_not_found}). Without this a deleted task would come back as {@code queued}.
 */
@Component
public class UnstoredTasks {

    private final TaskRecordRetention retention;

    private final Duration window;

    private final Clock clock;

    UnstoredTasks(TaskRecordRetention retention, UnstoredTaskProperties properties, Clock clock) {
        this.retention = retention;
        this.window = properties.unstoredTaskWindow();
        this.clock = clock;
    }

    /**
     * Returns if a task with this id may still be on its way to the store.
     * @throws ApiProblemException 410 {@code task_expired} or 404 {@code task_not_found}
     * otherwise
     */
    public void requireOnItsWay(TaskId id, String tenantId) {
        Instant now = clock.instant();
        Optional<Duration> period = retention.periodFor(tenantId);
        if (period.isPresent() && !now.isBefore(id.createdAt().plus(period.get()))) {
            throw new ApiProblemException(ProblemCode.TASK_EXPIRED, "The task's record was deleted: tasks of this "
                    + "tenant are kept " + period.get().toDays() + " days after their creation.");
        }
        if (!now.isBefore(id.createdAt().plus(window))) {
            throw new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No such task.");
        }
    }

}
