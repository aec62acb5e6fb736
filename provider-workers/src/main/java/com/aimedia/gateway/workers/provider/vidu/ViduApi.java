package com.aimedia.gateway.workers.provider.vidu;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Vidu's wire shapes (docs/providers/vidu.md), one record per JSON shape. */
final class ViduApi {

    private ViduApi() {
    }

    /**
     * Body of {@code POST /text2video}, {@code /img2video}, {@code /start-end2video},
     * {@code /reference2video}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateRequest(@JsonProperty("model") String model, @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("images") @Nullable List<String> images, @JsonProperty("style") @Nullable String style,
            @JsonProperty("duration") @Nullable Integer duration, @JsonProperty("seed") @Nullable Long seed,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("resolution") @Nullable String resolution,
            @JsonProperty("movement_amplitude") @Nullable String movementAmplitude,
            @JsonProperty("bgm") @Nullable Boolean bgm, @JsonProperty("audio") @Nullable Boolean audio,
            @JsonProperty("off_peak") @Nullable Boolean offPeak, @JsonProperty("watermark") @Nullable Boolean watermark,
            @JsonProperty("payload") String payload, @JsonProperty("callback_url") @Nullable String callbackUrl) {
    }

    /** Answer of a create: the task, {@code state} {@code created}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateResponse(@JsonProperty("task_id") @Nullable String taskId,
            @JsonProperty("state") @Nullable String state) {
    }

    /** Answer of {@code GET /tasks/{id}/creations}; also the callback body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskResponse(@JsonProperty("id") @Nullable String id, @JsonProperty("state") @Nullable String state,
            @JsonProperty("err_code") @Nullable String errCode, @JsonProperty("credits") @Nullable Integer credits,
            @JsonProperty("payload") @Nullable String payload,
            @JsonProperty("creations") @Nullable List<Creation> creations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Creation(@JsonProperty("id") @Nullable String id, @JsonProperty("url") @Nullable String url,
            @JsonProperty("cover_url") @Nullable String coverUrl) {
    }

    /**
     * Every error: {@code {"code":<http
     * status>,"reason":..,"message":..,"metadata":{"trace_id":..}}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("code") @Nullable Integer code, @JsonProperty("reason") @Nullable String reason,
            @JsonProperty("message") @Nullable String message) {
    }

}
