package com.aimedia.gateway.workers.provider.runway;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * Runway's wire shapes (docs/providers/runway.md, from the official SDK's generated
 * types).
 */
final class RunwayApi {

    static final String IMAGE_TO_VIDEO = "image_to_video";
    static final String TEXT_TO_IMAGE = "text_to_image";

    private RunwayApi() {
    }

    /** Body of {@code POST /v1/image_to_video}; absent fields are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageToVideoRequest(@JsonProperty("model") String model,
            @JsonProperty("promptImage") @Nullable JsonNode promptImage,
            @JsonProperty("promptText") @Nullable String promptText, @JsonProperty("ratio") @Nullable String ratio,
            @JsonProperty("duration") @Nullable Integer duration, @JsonProperty("seed") @Nullable Long seed,
            @JsonProperty("contentModeration") @Nullable JsonNode contentModeration) {
    }

    /** Body of {@code POST /v1/text_to_image}; absent fields are omitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextToImageRequest(@JsonProperty("model") String model,
            @JsonProperty("promptText") @Nullable String promptText, @JsonProperty("ratio") @Nullable String ratio,
            @JsonProperty("referenceImages") @Nullable JsonNode referenceImages,
            @JsonProperty("seed") @Nullable Long seed,
            @JsonProperty("contentModeration") @Nullable JsonNode contentModeration) {
    }

    /** The answer to a create: just the task id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(@JsonProperty("id") @Nullable String id) {
    }

    /** {@code GET /v1/tasks/{id}}: a union discriminated by {@code status}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(@JsonProperty("id") @Nullable String id, @JsonProperty("status") @Nullable String status,
            @JsonProperty("createdAt") @Nullable String createdAt, @JsonProperty("progress") @Nullable Double progress,
            @JsonProperty("output") @Nullable List<String> output, @JsonProperty("failure") @Nullable String failure,
            @JsonProperty("failureCode") @Nullable String failureCode) {
    }

    /**
     * Error answers: JSON with an {@code error} member (validation errors may list
     * {@code issues}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("error") @Nullable String error, @JsonProperty("issues") @Nullable List<Issue> issues) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Issue(@JsonProperty("path") @Nullable List<String> path, @JsonProperty("message") @Nullable String message) {
    }

}
