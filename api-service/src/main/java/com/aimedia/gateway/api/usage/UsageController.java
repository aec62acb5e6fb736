package com.aimedia.gateway.api.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.platform.readmodel.TaskReadModel;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * {@code GET /v1/usage?from=&to=&group_by=model|day}: the tenant's tasks created in
 * {@code [from, to)} (unix seconds, at most {@value #MAX_DAYS} days), by status, with the
 * images, videos and audio files they produced. Read through the {@code {tenant_id,
 * created_at}} index of {@code tasks}, projecting only what is counted. Video seconds are
 * those the requests asked for (the input's duration, carried on TaskSubmitted into the
 * task as {@code video_seconds}; no provider reports the length of its result) times the
 * videos produced; videos of requests that left the length to the provider are counted in
 * {@code videos_without_duration}.
 */
@RestController
class UsageController {

    static final int MAX_DAYS = 93;

    private final MongoCollection<Document> tasks;

    private final ModelCatalog catalog;

    UsageController(MongoDatabase database, ModelCatalog catalog) {
        this.tasks = database.getCollection(TaskReadModel.COLLECTION);
        this.catalog = catalog;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/usage")
    UsageView usage(Tenant tenant, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = "group_by", required = false) @Nullable String groupBy) {
        Instant start = seconds("from", from);
        Instant end = seconds("to", to);
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > MAX_DAYS) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "to",
                    "must be after from, at most " + MAX_DAYS + " days later");
        }
        String grouping = groupBy == null ? "model" : groupBy;
        if (!grouping.equals("model") && !grouping.equals("day")) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "group_by", "must be model or day");
        }
        Map<String, UsageBucket> groups = new TreeMap<>();
        tasks
            .find(Filters.and(Filters.eq(TaskReadModel.TENANT_ID, tenant.id()),
                    Filters.gte(TaskReadModel.CREATED_AT, Date.from(start)),
                    Filters.lt(TaskReadModel.CREATED_AT, Date.from(end))))
            .projection(Projections.include(TaskReadModel.MODEL, TaskReadModel.STATUS, TaskReadModel.CREATED_AT,
                    TaskReadModel.OUTPUTS, TaskReadModel.VIDEO_SECONDS))
            .forEach(task -> {
                String model = task.getString(TaskReadModel.MODEL);
                String key = grouping.equals("model") ? model
                        : task.getDate(TaskReadModel.CREATED_AT)
                            .toInstant()
                            .atOffset(ZoneOffset.UTC)
                            .toLocalDate()
                            .toString();
                String kind = catalog.find(model).map(found -> found.kind().wireName()).orElse("unknown");
                groups.computeIfAbsent(key, ignored -> new UsageBucket())
                    .add(task.getString(TaskReadModel.STATUS), kind,
                            task.getList(TaskReadModel.OUTPUTS, String.class, List.of()).size(),
                            task.getInteger(TaskReadModel.VIDEO_SECONDS));
            });
        return new UsageView("usage", start.getEpochSecond(), end.getEpochSecond(), grouping,
                groups.entrySet().stream().map(entry -> entry.getValue().view(entry.getKey())).toList());
    }

    private static Instant seconds(String field, @Nullable String value) {
        if (value != null && value.matches("[0-9]{1,11}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, "is required: a unix time in seconds");
    }

    record UsageView(String object, long from, long to, @JsonProperty("group_by") String groupBy,
            List<GroupView> data) {
    }

    /**
     * @param key the model id or the UTC day ({@code 2026-03-01})
     */
    record GroupView(String key, long tasks, @JsonProperty("by_status") Map<String, Long> byStatus, long images,
            long videos, @JsonProperty("video_seconds") long videoSeconds,
            @JsonProperty("videos_without_duration") long videosWithoutDuration, long audio) {
    }

}
