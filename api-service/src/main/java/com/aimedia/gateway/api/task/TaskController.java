package com.aimedia.gateway.api.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.storage.TaskBodyLinks;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code POST /v1/task/submit} and {@code GET /v1/task/{task_id}} (docs/design.md section
 * 1).
 */
@RestController
class TaskController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final SubmitRequestReader reader;

    private final TaskSubmissionService submissions;

    private final TaskIdCodec taskIds;

    private final TaskViewRepository views;

    private final TaskJson json;

    private final TaskBodyLinks links;

    private final TaskWaiter waiter;

    private final UnstoredTasks unstored;

    private final TaskMetadataStore metadata;

    TaskController(SubmitRequestReader reader, TaskSubmissionService submissions, TaskIdCodec taskIds,
            TaskViewRepository views, TaskJson json, TaskBodyLinks links, TaskWaiter waiter, UnstoredTasks unstored,
            TaskMetadataStore metadata) {
        this.unstored = unstored;
        this.metadata = metadata;
        this.reader = reader;
        this.submissions = submissions;
        this.taskIds = taskIds;
        this.views = views;
        this.json = json;
        this.links = links;
        this.waiter = waiter;
    }

    @RequiresScope(Scope.SUBMIT)
    @PostMapping("/v1/task/submit")
    ResponseEntity<byte[]> submit(Tenant tenant, HttpServletRequest request) {
        String idempotencyKey = idempotencyKey(request.getHeader(IDEMPOTENCY_KEY));
        Optional<Duration> wait = PreferWait.parse(request.getHeader(PREFER));
        Submission submission = submissions.submit(tenant, idempotencyKey, reader.read(request));
        String queued = json.queuedBody(new TaskId(submission.taskId(), submission.createdAt()), submission.metadata());
        if (wait.isEmpty()) {
            return jsonBody(queued);
        }
        // Prefer: wait=N: the finished task if it finishes in time, otherwise the usual
        // queued answer
        String body = waiter.awaitTerminal(submission.taskId(), tenant.id(), wait.get())
            .map(links::render)
            .orElse(queued);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header("Preference-Applied", "wait=" + wait.get().toSeconds())
            .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The stored view with its output links signed now (so they work for the whole
     * retention, and match the webhook of the same state byte for byte); a verified id
     * not stored yet is queued (410 once the tenant's retention deleted it, 404 once it
     * is too old to be on its way); anything else is 404, never 403.
     */
    @RequiresScope(Scope.READ)
    @GetMapping("/v1/task/{taskId}")
    ResponseEntity<byte[]> task(Tenant tenant, @PathVariable String taskId) {
        TaskId id = taskIds.verify(taskId, tenant.id())
            .orElseThrow(() -> new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No such task."));
        return jsonBody(views.findView(id.value(), tenant.id()).map(links::render).orElseGet(() -> {
            unstored.requireOnItsWay(id, tenant.id());
            return json.queuedBody(id, metadata.find(id.value(), tenant.id()));
        }));
    }

    private static @Nullable String idempotencyKey(@Nullable String key) {
        if (key == null) {
            return null;
        }
        boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !printable) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, IDEMPOTENCY_KEY,
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " printable ASCII characters");
        }
        return key;
    }

    private static ResponseEntity<byte[]> jsonBody(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }

}
