package com.aimedia.gateway.api.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.aimedia.gateway.storage.TaskBodyLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.task.TaskViewRepository.StoredStatus;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.api.task.messaging.TaskEventPublisher;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code POST /v1/task/{task_id}/cancel}: publishes TaskCancelRequested for the
 * orchestrator, which ends the task {@code failed} with {@code error_code: cancelled}
 * (polling stops, the webhook goes out) unless it ended first. Answers 200 with the final
 * body if the task ended within a few seconds, else 202 with the current body; 409 if the
 * task had already ended, or is not stored yet (retry in a moment).
 */
@RestController
class TaskCancelController {

    private static final Logger log = LoggerFactory.getLogger(TaskCancelController.class);

    private final TaskIdCodec taskIds;

    private final TaskViewRepository views;

    private final TaskEventPublisher events;

    private final TaskWaiter waiter;

    private final Duration waitForEnd;

    private final TaskBodyLinks links;

    private final UnstoredTasks unstored;

    TaskCancelController(TaskIdCodec taskIds, TaskViewRepository views, TaskEventPublisher events, TaskWaiter waiter,
            CancelProperties properties, TaskBodyLinks links, UnstoredTasks unstored) {
        this.unstored = unstored;
        this.taskIds = taskIds;
        this.views = views;
        this.events = events;
        this.waiter = waiter;
        this.waitForEnd = properties.cancelWait();
        this.links = links;
    }

    @RequiresScope(Scope.SUBMIT)
    @PostMapping("/v1/task/{taskId}/cancel")
    ResponseEntity<byte[]> cancel(Tenant tenant, @PathVariable String taskId) {
        TaskId id = taskIds.verify(taskId, tenant.id())
            .orElseThrow(() -> new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No such task."));
        StoredStatus stored = views.findStatus(id.value(), tenant.id()).orElseThrow(() -> {
            unstored.requireOnItsWay(id, tenant.id());
            return new ApiProblemException(ProblemCode.TASK_NOT_CANCELLABLE_YET,
                    "The task is being queued; retry the cancel in a moment.", List.of(),
                    Map.of(HttpHeaders.RETRY_AFTER, "1"));
        });
        if (stored.isTerminal()) {
            throw new ApiProblemException(ProblemCode.TASK_ALREADY_FINISHED,
                    "The task already ended with status " + stored.status() + "; there is nothing to cancel.");
        }
        events.cancelRequested(id.value(), tenant.id(), stored.provider());
        log.info("task cancel requested taskId={} provider={}", id.value(), stored.provider());
        return waiter.awaitTerminal(id.value(), tenant.id(), waitForEnd)
            .map(body -> json(HttpStatus.OK, links.render(body)))
            .orElseGet(() -> json(HttpStatus.ACCEPTED,
                    links.render(views.findView(id.value(), tenant.id()).orElse(stored.view()))));
    }

    private static ResponseEntity<byte[]> json(HttpStatus status, String body) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body.getBytes(StandardCharsets.UTF_8));
    }

}
