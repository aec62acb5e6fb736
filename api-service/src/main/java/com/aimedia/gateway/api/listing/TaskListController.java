package com.aimedia.gateway.api.listing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import com.aimedia.gateway.storage.TaskBodyLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.listing.TaskListQuery.Cursor;
import com.aimedia.gateway.api.listing.TaskListRepository.Row;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code GET /v1/tasks}: {@code {"object":"list","data":[task
 * bodies],"has_more":bool,"next_cursor":str?}}. Each element is byte for byte what
 * {@code GET /v1/task/{id}} answers. A task appears once the orchestrator stored it. The
 * cursor only positions within the caller's own tasks: the tenant filter is always
 * applied.
 */
@RestController
class TaskListController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Set<String> STATUSES = Set.of("queued", "in_progress", "completed", "failed");

    private final TaskListRepository repository;

    private final TaskBodyLinks links;

    /**
     * @param links signs each task's output links at read time, as GET /v1/task/{id} does
     */
    TaskListController(TaskListRepository repository, TaskBodyLinks links) {
        this.repository = repository;
        this.links = links;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/tasks")
    ResponseEntity<byte[]> list(Tenant tenant, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String model,
            @RequestParam(name = "created_after", required = false) @Nullable String createdAfter,
            @RequestParam(name = "created_before", required = false) @Nullable String createdBefore,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        TaskListQuery query = new TaskListQuery(tenant.id(), statuses(status), model(model),
                seconds("created_after", createdAfter), seconds("created_before", createdBefore), cursor(cursor),
                limit(limit));
        List<Row> rows = repository.find(query);
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < page.size(); i++) {
            json.append(i == 0 ? "" : ",").append(links.render(page.get(i).view()));
        }
        json.append("],\"has_more\":").append(more);
        if (more) {
            Row last = page.get(page.size() - 1);
            json.append(",\"next_cursor\":\"").append(encode(new Cursor(last.createdAt(), last.taskId()))).append('"');
        }
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .body(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> statuses(@Nullable String status) {
        Set<String> statuses = new LinkedHashSet<>();
        if (status != null) {
            for (String value : status.split(",", -1)) {
                if (!STATUSES.contains(value)) {
                    throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "status",
                            "must be a comma-separated list of queued, in_progress, completed, failed");
                }
                statuses.add(value);
            }
        }
        return statuses;
    }

    private static @Nullable String model(@Nullable String model) {
        if (model != null && (model.isBlank() || model.length() > 200)) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "model", "must be a model id");
        }
        return model;
    }

    private static @Nullable Instant seconds(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0 && seconds < 100_000_000_000L) {
                return Instant.ofEpochSecond(seconds);
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, "must be a unix time in seconds");
    }

    private static int limit(@Nullable String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.matches("[0-9]{1,3}")) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "limit",
                "must be an integer from 1 to " + MAX_LIMIT);
    }

    static String encode(Cursor cursor) {
        String plain = cursor.createdAt().toEpochMilli() + ":" + cursor.taskId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable Cursor cursor(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            String taskId = plain.substring(colon + 1);
            if (colon > 0 && taskId.matches("task_[0-9a-v]{1,64}")) {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), taskId);
            }
        }
        catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "cursor",
                "is not a cursor this API gave out; use next_cursor of the previous page");
    }

}
