package com.aimedia.gateway.api.openai;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.servlet.ServletException;

import org.jspecify.annotations.Nullable;
import com.aimedia.gateway.storage.TaskBodyLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.catalog.ModelKind;
import com.aimedia.gateway.api.submission.Submission;
import com.aimedia.gateway.api.task.SubmitRequestReader;
import com.aimedia.gateway.api.task.TaskSubmissionService;
import com.aimedia.gateway.api.task.UnstoredTasks;
import com.aimedia.gateway.api.taskid.TaskId;
import com.aimedia.gateway.api.taskid.TaskIdCodec;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * OpenAI's video API over gateway tasks: {@code POST /v1/videos} (multipart, as the SDKs
 * send it, or JSON), {@code GET /v1/videos/{id}}, {@code GET /v1/videos/{id}/content} (a
 * redirect to the signed output URL) and {@code GET /v1/videos}. A submit goes through
 * the same validation, quotas, model access and idempotency as {@code /v1/task/submit},
 * with {@code input: {prompt}}.
 */
@RestController
class VideosController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final TaskSubmissionService submissions;

    private final SubmitRequestReader reader;

    private final TaskIdCodec taskIds;

    private final VideoRepository videos;

    private final ModelCatalog catalog;

    private final JsonMapper mapper;

    private final TaskBodyLinks links;

    private final UnstoredTasks unstored;

    VideosController(TaskSubmissionService submissions, SubmitRequestReader reader, TaskIdCodec taskIds,
            VideoRepository videos, ModelCatalog catalog, JsonMapper mapper, TaskBodyLinks links,
            UnstoredTasks unstored) {
        this.unstored = unstored;
        this.submissions = submissions;
        this.reader = reader;
        this.taskIds = taskIds;
        this.videos = videos;
        this.catalog = catalog;
        this.mapper = mapper;
        this.links = links;
    }

    @RequiresScope(Scope.SUBMIT)
    @PostMapping("/v1/videos")
    Map<String, @Nullable Object> create(Tenant tenant, HttpServletRequest request) {
        ObjectNode fields = isMultipart(request) ? multipartFields(request) : reader.read(request);
        String model = text(fields, "model");
        String prompt = text(fields, "prompt");
        ObjectNode body = mapper.createObjectNode().put("model", model);
        body.putObject("input").put("prompt", prompt);
        Submission submission = submissions.submit(tenant, request.getHeader("Idempotency-Key"), body);
        return VideoJson.queued(new TaskId(submission.taskId(), submission.createdAt()), submission.model());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/videos/{videoId}")
    Map<String, @Nullable Object> video(Tenant tenant, @PathVariable String videoId) {
        TaskId id = verify(tenant, videoId);
        return videos.find(id.value(), tenant.id()).map(VideoJson::of).orElseGet(() -> {
            unstored.requireOnItsWay(id, tenant.id());
            return VideoJson.queued(id, "unknown");
        });
    }

    /**
     * The first output of a completed video, by a redirect to its signed URL (no provider
     * credential needed).
     */
    @RequiresScope(Scope.READ)
    @GetMapping("/v1/videos/{videoId}/content")
    ResponseEntity<Void> content(Tenant tenant, @PathVariable String videoId) {
        TaskId id = verify(tenant, videoId);
        VideoRecord video = videos.find(id.value(), tenant.id())
            .filter(found -> found.status().equals("completed") && !found.outputs().isEmpty())
            .orElseThrow(() -> new ApiProblemException(ProblemCode.VIDEO_NOT_READY,
                    "The video has no content yet: wait until its status is completed."));
        Instant completedAt = video.completedAt() != null ? video.completedAt() : video.createdAt();
        if (links.expired(video.outputs().getFirst(), completedAt)) {
            // a redirect would lead to the bucket's 403 or 404: say what happened instead
            throw new ApiProblemException(ProblemCode.OUTPUT_EXPIRED,
                    "The video was deleted at the end of its retention period.");
        }
        return ResponseEntity.status(HttpStatus.FOUND)
            .location(URI.create(links.link(video.outputs().getFirst(), completedAt)))
            .build();
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/videos")
    Map<String, Object> list(Tenant tenant, @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String order) {
        boolean ascending = "asc".equals(order);
        if (order != null && !ascending && !order.equals("desc")) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "order", "must be asc or desc");
        }
        int size = limit(limit);
        VideoRecord cursor = after == null ? null : videos.find(verify(tenant, after).value(), tenant.id())
            .orElseThrow(
                    () -> ApiProblemException.field(ProblemCode.INVALID_REQUEST, "after", "is not one of your videos"));
        List<VideoRecord> rows = videos.page(tenant.id(), videoModels(), cursor, ascending, size);
        List<VideoRecord> page = rows.size() > size ? rows.subList(0, size) : rows;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", page.stream().map(VideoJson::of).toList());
        json.put("first_id", page.isEmpty() ? "" : page.getFirst().taskId());
        json.put("last_id", page.isEmpty() ? "" : page.getLast().taskId());
        json.put("has_more", rows.size() > size);
        return json;
    }

    private Set<String> videoModels() {
        return catalog.models()
            .stream()
            .filter(model -> model.kind() == ModelKind.VIDEO)
            .map(model -> model.id())
            .collect(Collectors.toSet());
    }

    private TaskId verify(Tenant tenant, String videoId) {
        return taskIds.verify(videoId, tenant.id())
            .orElseThrow(() -> new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No such video."));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private ObjectNode multipartFields(HttpServletRequest request) {
        ObjectNode fields = mapper.createObjectNode();
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, part.getName(),
                            "file uploads are not supported; use POST /v1/task/submit with an image URL in input");
                }
                fields.put(part.getName(), new String(part.getInputStream().readNBytes(64 * 1024),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        catch (IOException | ServletException e) {
            throw new ApiProblemException(ProblemCode.INVALID_REQUEST, "The multipart body could not be read.");
        }
        return fields;
    }

    private static String text(ObjectNode fields, String name) {
        var value = fields.get(name);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, name, "is required: a string");
        }
        return value.asString();
    }

    private static int limit(@Nullable String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.matches("[0-9]{1,3}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= MAX_LIMIT) {
            return Integer.parseInt(value);
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "limit",
                "must be an integer from 1 to " + MAX_LIMIT);
    }

}
