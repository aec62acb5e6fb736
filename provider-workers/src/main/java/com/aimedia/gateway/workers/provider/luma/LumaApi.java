package com.aimedia.gateway.workers.provider.luma;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * Luma's wire shapes (docs/providers/luma.md, from the official SDK's generated types),
 * one record per JSON shape.
 */
final class LumaApi {

    static final String VIDEO = "video";
    static final String IMAGE = "image";

    private LumaApi() {
    }

    /** Body of {@code POST /generations/video}; absent fields are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateVideoRequest(@JsonProperty("generation_type") String generationType,
            @JsonProperty("model") String model, @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("duration") @Nullable String duration,
            @JsonProperty("resolution") @Nullable String resolution, @JsonProperty("loop") @Nullable Boolean loop,
            @JsonProperty("keyframes") @Nullable JsonNode keyframes,
            @JsonProperty("concepts") @Nullable JsonNode concepts,
            @JsonProperty("callback_url") @Nullable String callbackUrl) {
    }

    /** Body of {@code POST /generations/image}; absent fields are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateImageRequest(@JsonProperty("generation_type") String generationType,
            @JsonProperty("model") String model, @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio, @JsonProperty("format") @Nullable String format,
            @JsonProperty("image_ref") @Nullable JsonNode imageRef,
            @JsonProperty("style_ref") @Nullable JsonNode styleRef,
            @JsonProperty("character_ref") @Nullable JsonNode characterRef,
            @JsonProperty("modify_image_ref") @Nullable JsonNode modifyImageRef,
            @JsonProperty("sync") @Nullable Boolean sync, @JsonProperty("sync_timeout") @Nullable Double syncTimeout,
            @JsonProperty("callback_url") @Nullable String callbackUrl) {
    }

    /**
     * The Generation object: the create answer, the poll answer and the callback body.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Generation(@JsonProperty("id") @Nullable String id,
            @JsonProperty("generation_type") @Nullable String generationType,
            @JsonProperty("state") @Nullable String state,
            @JsonProperty("failure_reason") @Nullable String failureReason,
            @JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("model") @Nullable String model,
            @JsonProperty("assets") @Nullable Assets assets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assets(@JsonProperty("video") @Nullable String video, @JsonProperty("image") @Nullable String image,
            @JsonProperty("progress_video") @Nullable String progressVideo) {
    }

    /**
     * FastAPI-style error: {@code detail} is a string, or a list of validation problems.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("detail") @Nullable JsonNode detail) {
    }

}
