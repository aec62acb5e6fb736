package com.aimedia.gateway.workers.provider.xai;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/** xAI's wire shapes (docs/providers/xai.md). */
final class XaiApi {

    static final String IMAGE = "image";
    static final String VIDEO = "video";

    private XaiApi() {
    }

    /**
     * {@code POST /images/generations}; {@code quality}, {@code size} and {@code style}
     * are not supported by xAI.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageRequest(@JsonProperty("model") String model, @JsonProperty("prompt") String prompt,
            @JsonProperty("n") @Nullable Integer n, @JsonProperty("response_format") String responseFormat) {
    }

    /**
     * An image answer: {@code data[]}, or (HTTP 200) {@code status: failed} with
     * {@code error}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageResponse(@JsonProperty("data") @Nullable List<ImageData> data,
            @JsonProperty("status") @Nullable String status, @JsonProperty("error") @Nullable JsonNode error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageData(@JsonProperty("url") @Nullable String url, @JsonProperty("b64_json") @Nullable String b64Json,
            @JsonProperty("respect_moderation") @Nullable Boolean respectModeration) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VideoRequest(@JsonProperty("model") String model, @JsonProperty("prompt") String prompt,
            @JsonProperty("image") @Nullable ImageUrl image, @JsonProperty("duration") @Nullable Integer duration,
            @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("resolution") @Nullable String resolution) {
    }

    record ImageUrl(@JsonProperty("url") String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideoCreated(@JsonProperty("request_id") @Nullable String requestId) {
    }

    /**
     * A video poll answer; every state is HTTP 200, and a pending one may have no
     * {@code status} at all.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideoStatus(@JsonProperty("status") @Nullable String status, @JsonProperty("video") @Nullable Video video,
            @JsonProperty("error") @Nullable JsonNode error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Video(@JsonProperty("url") @Nullable String url,
            @JsonProperty("respect_moderation") @Nullable Boolean respectModeration) {
    }

}
