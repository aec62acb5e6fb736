package com.aimedia.gateway.api.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.api.taskid.TaskId;

/**
 * A task as OpenAI's {@code Video} object. Fields OpenAI always sends are always present:
 * {@code progress} is what the provider reported while running (0 from providers that
 * report none) and 100 once the task ended; {@code seconds} and {@code size} are
 * {@code "unknown"} since gateway tasks do not record them; {@code expires_at} is null
 * (outputs are re-signed on every read).
 */
final class VideoJson {

    private VideoJson() {
    }

    static Map<String, @Nullable Object> of(VideoRecord video) {
        boolean ended = video.status().equals("completed") || video.status().equals("failed");
        Map<String, @Nullable Object> json = base(video.taskId(), video.model(), video.status(),
                video.createdAt().getEpochSecond());
        json.put("progress", ended ? 100 : progressWhileRunning(video));
        json.put("completed_at", video.completedAt() == null ? null : video.completedAt().getEpochSecond());
        if (video.status().equals("failed")) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("code", video.errorCode() == null ? "provider_error" : video.errorCode());
            error.put("message", video.error() == null ? "The task failed." : video.error());
            json.put("error", error);
        }
        return json;
    }

    private static int progressWhileRunning(VideoRecord video) {
        Integer progress = video.progress();
        return progress == null ? 0 : progress;
    }

    /** A task accepted a moment ago that the orchestrator has not stored yet. */
    static Map<String, @Nullable Object> queued(TaskId id, String model) {
        Map<String, @Nullable Object> json = base(id.value(), model, "queued", id.createdAtSeconds());
        json.put("progress", 0);
        json.put("completed_at", null);
        return json;
    }

    private static Map<String, @Nullable Object> base(String id, String model, String status, long createdAt) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "video");
        json.put("model", model);
        json.put("status", status);
        json.put("created_at", createdAt);
        json.put("expires_at", null);
        json.put("error", null);
        json.put("remixed_from_video_id", null);
        json.put("seconds", "unknown");
        json.put("size", "unknown");
        return json;
    }

}
