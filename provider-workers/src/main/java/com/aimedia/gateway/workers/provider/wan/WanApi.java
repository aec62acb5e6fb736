package com.aimedia.gateway.workers.provider.wan;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * DashScope's asynchronous task shapes for Wan (docs/providers/wan.md), one record per
 * JSON shape.
 */
final class WanApi {

    static final String VIDEO_SYNTHESIS = "/services/aigc/video-generation/video-synthesis";
    static final String IMAGE_SYNTHESIS = "/services/aigc/text2image/image-synthesis";
    static final String TASKS = "/tasks/";
    static final String VIDEO = "video";
    static final String IMAGE = "image";

    private WanApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmitRequest(@JsonProperty("model") String model, @JsonProperty("input") Input input,
            @JsonProperty("parameters") Parameters parameters) {
    }

    /**
     * {@code input}: the prompt and media; which media fields apply depends on the model.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Input(@JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("negative_prompt") @Nullable String negativePrompt,
            @JsonProperty("img_url") @Nullable String imgUrl,
            @JsonProperty("first_frame_url") @Nullable String firstFrameUrl,
            @JsonProperty("last_frame_url") @Nullable String lastFrameUrl,
            @JsonProperty("audio_url") @Nullable String audioUrl) {
    }

    /**
     * {@code parameters}: video models use size or resolution, duration, shot_type; image
     * models size and n.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameters(@JsonProperty("size") @Nullable String size,
            @JsonProperty("resolution") @Nullable String resolution,
            @JsonProperty("duration") @Nullable Integer duration, @JsonProperty("n") @Nullable Integer n,
            @JsonProperty("seed") @Nullable Long seed, @JsonProperty("prompt_extend") @Nullable Boolean promptExtend,
            @JsonProperty("watermark") @Nullable Boolean watermark,
            @JsonProperty("shot_type") @Nullable String shotType) {
    }

    /**
     * Every answer: {@code output} for a task, or top-level {@code code}/{@code message}
     * for an error.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("request_id") @Nullable String requestId,
            @JsonProperty("output") @Nullable Output output, @JsonProperty("code") @Nullable String code,
            @JsonProperty("message") @Nullable String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Output(@JsonProperty("task_id") @Nullable String taskId,
            @JsonProperty("task_status") @Nullable String taskStatus, @JsonProperty("code") @Nullable String code,
            @JsonProperty("message") @Nullable String message, @JsonProperty("video_url") @Nullable String videoUrl,
            @JsonProperty("results") @Nullable List<Result> results) {
    }

    /**
     * One image of an image task; a failed item carries {@code code}/{@code message}
     * instead of a URL.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(@JsonProperty("url") @Nullable String url, @JsonProperty("code") @Nullable String code,
            @JsonProperty("message") @Nullable String message) {
    }

}
