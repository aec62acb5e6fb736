package com.aimedia.gateway.api.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

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

    private final UsageRepository usage;

    private final ModelCatalog catalog;

    UsageController(UsageRepository usage, ModelCatalog catalog) {
        this.usage = usage;
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
        usage.forEachCreated(tenant.id(), start, end, task -> {
            String key = grouping.equals("model") ? task.model()
                    : task.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String kind = catalog.find(task.model()).map(found -> found.kind().wireName()).orElse("unknown");
            groups.computeIfAbsent(key, ignored -> new UsageBucket())
                .add(task.status(), kind, task.outputs(), task.videoSeconds());
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
