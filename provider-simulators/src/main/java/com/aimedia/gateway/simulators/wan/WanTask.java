package com.aimedia.gateway.simulators.wan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One DashScope task. Its status is a pure function of time:
 * {@code PENDING -> RUNNING -> SUCCEEDED | FAILED}, and {@code UNKNOWN} once the task is
 * older than the retention (24 hours) or for a {@code [sim:unknown]} task.
 */
final class WanTask {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(ZoneOffset.ofHours(8));

    private final String taskId;

    private final boolean image;

    private final int count;

    private final Instant createdAt;

    private final Duration queuedFor;

    private final Duration runningFor;

    private final boolean contentFiltered;

    private final boolean lost;

    private volatile @Nullable String forcedStatus;

    WanTask(String taskId, boolean image, int count, Instant createdAt, Duration queuedFor, Duration runningFor,
            boolean contentFiltered, boolean lost) {
        this.taskId = taskId;
        this.image = image;
        this.count = count;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.runningFor = runningFor;
        this.contentFiltered = contentFiltered;
        this.lost = lost;
    }

    String taskId() {
        return taskId;
    }

    void forceStatus(String raw) {
        this.forcedStatus = raw;
    }

    String status(Instant now, Duration retention) {
        String forced = forcedStatus;
        if (forced != null) {
            return forced;
        }
        if (lost || !now.isBefore(createdAt.plus(retention))) {
            return "UNKNOWN";
        }
        if (now.isBefore(createdAt.plus(queuedFor))) {
            return "PENDING";
        }
        if (now.isBefore(finishesAt())) {
            return "RUNNING";
        }
        // a filtered image task still SUCCEEDS, with every result failed: the
        // safety-filtered empty result
        return contentFiltered && !image ? "FAILED" : "SUCCEEDED";
    }

    boolean inFlight(Instant now, Duration retention) {
        String status = status(now, retention);
        return "PENDING".equals(status) || "RUNNING".equals(status);
    }

    boolean hasResult(Instant now, Duration retention) {
        return "SUCCEEDED".equals(status(now, retention)) && !contentFiltered;
    }

    boolean image() {
        return image;
    }

    void render(ObjectNode output, Instant now, Duration retention, String filesBase) {
        String status = status(now, retention);
        output.put("task_id", taskId);
        output.put("task_status", status);
        if ("UNKNOWN".equals(status)) {
            return;
        }
        output.put("submit_time", TIME.format(createdAt));
        if (!"PENDING".equals(status)) {
            output.put("scheduled_time", TIME.format(createdAt.plus(queuedFor)));
        }
        if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
            output.put("end_time", TIME.format(finishesAt()));
        }
        if ("FAILED".equals(status)) {
            output.put("code", "DataInspectionFailed");
            output.put("message", "Output data may contain inappropriate content.");
        }
        if ("SUCCEEDED".equals(status) && image) {
            ArrayNode results = output.putArray("results");
            for (int i = 0; i < count; i++) {
                ObjectNode result = results.addObject();
                if (contentFiltered) {
                    result.put("code", "DataInspectionFailed");
                    result.put("message", "Output data may contain inappropriate content.");
                }
                else {
                    result.put("url", filesBase + taskId + "-" + i + ".png?Expires=86400&Signature=sim");
                }
            }
            ObjectNode metrics = output.putObject("task_metrics");
            metrics.put("TOTAL", count);
            metrics.put("SUCCEEDED", contentFiltered ? 0 : count);
            metrics.put("FAILED", contentFiltered ? count : 0);
        }
        else if ("SUCCEEDED".equals(status)) {
            output.put("video_url", filesBase + taskId + ".mp4?Expires=86400&Signature=sim");
        }
    }

    private Instant finishesAt() {
        return createdAt.plus(queuedFor).plus(runningFor);
    }

}
