package com.aimedia.gateway.api.task;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.task.TaskViewRepository.StatusEntry;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code GET /v1/task/{task_id}/events}: the task's status history, one entry per status
 * it went through with the time it entered it, oldest first. A task whose id verifies but
 * that is not stored yet has its queued entry, like {@code GET /v1/task/{id}} answers it
 * queued; another tenant's task is 404.
 */
@RestController
class TaskEventsController {

    private final TaskIdCodec taskIds;

    private final TaskViewRepository views;

    private final UnstoredTasks unstored;

    TaskEventsController(TaskIdCodec taskIds, TaskViewRepository views, UnstoredTasks unstored) {
        this.taskIds = taskIds;
        this.views = views;
        this.unstored = unstored;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/task/{taskId}/events")
    EventList events(Tenant tenant, @PathVariable String taskId) {
        TaskId id = taskIds.verify(taskId, tenant.id())
            .orElseThrow(() -> new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No such task."));
        List<StatusEntry> stored = views.findHistory(id.value(), tenant.id()).orElseGet(() -> {
            unstored.requireOnItsWay(id, tenant.id());
            return List.of();
        });
        List<EventView> events = new ArrayList<>();
        // The queued entry is missing when the first report overtook the submission; the
        // id knows when it was made.
        if (stored.isEmpty() || !stored.getFirst().status().equals("queued")) {
            events.add(new EventView("queued", id.createdAtSeconds(), 1));
        }
        stored
            .forEach(entry -> events.add(new EventView(entry.status(), entry.at().getEpochSecond(), entry.version())));
        return new EventList("list", id.value(), events);
    }

    record EventList(String object, @JsonProperty("task_id") String taskId, List<EventView> data) {
    }

    /**
     * @param at unix seconds, like the task body's times
     */
    record EventView(String status, long at, long version) {
    }

}
