package com.aimedia.gateway.workers.provider.kling;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/** Kling's wire shapes (docs/providers/kling.md), one record per JSON shape. */
final class KlingApi {

    static final String TEXT2VIDEO = "text2video";
    static final String IMAGE2VIDEO = "image2video";

    /**
     * Image generation: {@code POST /v1/images/generations}, polled at
     * {@code /v1/images/generations/{id}}.
     */
    static final String IMAGES = "images";

    /**
     * The path of a task family's create endpoint (and, with {@code /<id>}, its query
     * endpoint).
     */
    static String path(String family) {
        return IMAGES.equals(family) ? "/v1/images/generations" : "/v1/videos/" + family;
    }

    private KlingApi() {
    }

    /**
     * Body of {@code POST /v1/videos/text2video} and {@code /image2video}; absent fields
     * are omitted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateVideoRequest(@JsonProperty("model_name") String modelName,
            @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("negative_prompt") @Nullable String negativePrompt,
            @JsonProperty("cfg_scale") @Nullable Double cfgScale, @JsonProperty("mode") @Nullable String mode,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("duration") @Nullable String duration, @JsonProperty("sound") @Nullable String sound,
            @JsonProperty("camera_control") @Nullable JsonNode cameraControl,
            @JsonProperty("image") @Nullable String image, @JsonProperty("image_tail") @Nullable String imageTail,
            @JsonProperty("callback_url") @Nullable String callbackUrl,
            @JsonProperty("external_task_id") String externalTaskId) {
    }

    /** Body of {@code POST /v1/images/generations}; absent fields are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateImageRequest(@JsonProperty("model_name") String modelName,
            @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("negative_prompt") @Nullable String negativePrompt,
            @JsonProperty("image") @Nullable String image,
            @JsonProperty("image_reference") @Nullable String imageReference,
            @JsonProperty("image_fidelity") @Nullable Double imageFidelity,
            @JsonProperty("human_fidelity") @Nullable Double humanFidelity,
            @JsonProperty("resolution") @Nullable String resolution, @JsonProperty("n") @Nullable Integer n,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("callback_url") @Nullable String callbackUrl,
            @JsonProperty("external_task_id") String externalTaskId) {
    }

    /**
     * Every answer: {@code code} 0 with {@code data}, or an error code with a message.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("code") @Nullable Integer code, @JsonProperty("message") @Nullable String message,
            @JsonProperty("request_id") @Nullable String requestId, @JsonProperty("data") @Nullable TaskData data) {
    }

    /** The task object of a create or query answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskData(@JsonProperty("task_id") @Nullable String taskId,
            @JsonProperty("task_status") @Nullable String taskStatus,
            @JsonProperty("task_status_msg") @Nullable String taskStatusMsg,
            @JsonProperty("task_info") @Nullable TaskInfo taskInfo,
            @JsonProperty("created_at") @Nullable Long createdAt, @JsonProperty("updated_at") @Nullable Long updatedAt,
            @JsonProperty("task_result") @Nullable TaskResult taskResult) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskInfo(@JsonProperty("external_task_id") @Nullable String externalTaskId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskResult(@JsonProperty("videos") @Nullable List<Video> videos,
            @JsonProperty("images") @Nullable List<Image> images) {
    }

    /** One generated image of {@code task_result.images[]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(@JsonProperty("index") @Nullable Integer index, @JsonProperty("url") @Nullable String url) {
    }

    /** {@code duration} is a string in seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Video(@JsonProperty("id") @Nullable String id, @JsonProperty("url") @Nullable String url,
            @JsonProperty("duration") @Nullable String duration) {
    }

}
