package com.aimedia.gateway.simulators.kling;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One task of the simulated account. Its status is a pure function of the time since
 * creation, so a test with a fixed or stepped clock sees a deterministic progression
 * {@code submitted -> processing -> succeed | failed}.
 */
final class SimulatedTask {

    static final String SUBMITTED = "submitted";
    static final String PROCESSING = "processing";
    static final String SUCCEED = "succeed";
    static final String FAILED = "failed";

    private final String taskId;

    private final String family;

    private final @Nullable String externalTaskId;

    private final Instant createdAt;

    private final Duration queuedFor;

    private final Duration processingFor;

    private final @Nullable String failureMessage;

    private final String duration;

    private final String fileId;

    /** 0 for a video task; the number of images ({@code n}) for an image task. */
    private final int imageCount;

    private volatile @Nullable String forcedStatus;

    SimulatedTask(String taskId, String family, @Nullable String externalTaskId, Instant createdAt, Duration queuedFor,
            Duration processingFor, @Nullable String failureMessage, String duration, String fileId, int imageCount) {
        this.taskId = taskId;
        this.family = family;
        this.externalTaskId = externalTaskId;
        this.createdAt = createdAt;
        this.queuedFor = queuedFor;
        this.processingFor = processingFor;
        this.failureMessage = failureMessage;
        this.duration = duration;
        this.fileId = fileId;
        this.imageCount = imageCount;
    }

    String taskId() {
        return taskId;
    }

    String family() {
        return family;
    }

    @Nullable String externalTaskId() {
        return externalTaskId;
    }

    String fileId() {
        return fileId;
    }

    /**
     * Concurrency slots held while in flight: {@code n} for an image task, 1 for a video
     * (docs/providers/kling.md).
     */
    int slots() {
        return Math.max(1, imageCount);
    }

    boolean isImageTask() {
        return imageCount > 0;
    }

    void forceStatus(String rawStatus) {
        this.forcedStatus = rawStatus;
    }

    String status(Instant now) {
        String forced = forcedStatus;
        if (forced != null) {
            return forced;
        }
        if (now.isBefore(processingStartsAt())) {
            return SUBMITTED;
        }
        if (now.isBefore(finishesAt())) {
            return PROCESSING;
        }
        return failureMessage == null ? SUCCEED : FAILED;
    }

    /** A task holds a concurrency slot from {@code submitted} until it ends. */
    boolean inFlight(Instant now) {
        String status = status(now);
        return !SUCCEED.equals(status) && !FAILED.equals(status);
    }

    boolean succeeded(Instant now) {
        return SUCCEED.equals(status(now));
    }

    /**
     * Renders the documented task object ({@code data} of a query answer, or the callback
     * body).
     */
    void render(ObjectNode data, Instant now, String baseUrl) {
        String status = status(now);
        data.put("task_id", taskId);
        data.put("task_status", status);
        data.put("task_status_msg", FAILED.equals(status) && failureMessage != null ? failureMessage : "");
        ObjectNode info = data.putObject("task_info");
        if (externalTaskId != null) {
            info.put("external_task_id", externalTaskId);
        }
        data.put("created_at", createdAt.toEpochMilli());
        data.put("updated_at", updatedAt(now, status).toEpochMilli());
        if (SUCCEED.equals(status) && isImageTask()) {
            data.put("final_unit_deduction", Integer.toString(imageCount));
            var images = data.putObject("task_result").putArray("images");
            for (int index = 0; index < imageCount; index++) {
                ObjectNode image = images.addObject();
                image.put("index", index);
                image.put("url", baseUrl + "/files/" + fileId + "-" + index + ".png");
            }
        }
        else if (SUCCEED.equals(status)) {
            data.put("final_unit_deduction", "10".equals(duration) ? "2" : "1");
            ObjectNode video = data.putObject("task_result").putArray("videos").addObject();
            video.put("id", fileId);
            video.put("url", baseUrl + "/files/" + fileId + ".mp4");
            video.put("duration", duration);
        }
    }

    private Instant updatedAt(Instant now, String status) {
        return switch (status) {
            case SUBMITTED -> createdAt;
            case PROCESSING -> processingStartsAt();
            case SUCCEED, FAILED -> finishesAt();
            default -> now;
        };
    }

    private Instant processingStartsAt() {
        return createdAt.plus(queuedFor);
    }

    private Instant finishesAt() {
        return processingStartsAt().plus(processingFor);
    }

}
