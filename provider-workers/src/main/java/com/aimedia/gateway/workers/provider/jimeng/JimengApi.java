package com.aimedia.gateway.workers.provider.jimeng;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The VolcEngine visual API's wire shapes for Jimeng (docs/providers/jimeng.md), one
 * record per JSON shape.
 */
final class JimengApi {

    static final String SUBMIT = "CVSync2AsyncSubmitTask";
    static final String GET_RESULT = "CVSync2AsyncGetResult";
    static final int SUCCESS = 10000;

    private JimengApi() {
    }

    /**
     * Body of {@code CVSync2AsyncSubmitTask}; {@code req_key} selects model and mode,
     * absent fields are omitted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmitRequest(@JsonProperty("req_key") String reqKey, @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("seed") @Nullable Long seed, @JsonProperty("aspect_ratio") @Nullable String aspectRatio,
            @JsonProperty("frames") @Nullable Integer frames, @JsonProperty("width") @Nullable Integer width,
            @JsonProperty("height") @Nullable Integer height,
            @JsonProperty("image_urls") @Nullable List<String> imageUrls,
            @JsonProperty("binary_data_base64") @Nullable List<String> binaryDataBase64) {
    }

    /**
     * Body of {@code CVSync2AsyncGetResult}: the same {@code req_key} as the submit, and
     * the task id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GetResultRequest(@JsonProperty("req_key") String reqKey, @JsonProperty("task_id") String taskId,
            @JsonProperty("req_json") @Nullable String reqJson) {
    }

    /**
     * Every answer: business {@code code} (10000 = success, anything else an error, often
     * inside an HTTP 200) with {@code data}; gateway-level errors (signature, unknown
     * action) come in the standard {@code ResponseMetadata} envelope instead.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@JsonProperty("code") @Nullable Integer code, @JsonProperty("message") @Nullable String message,
            @JsonProperty("request_id") @Nullable String requestId, @JsonProperty("data") @Nullable Data data,
            @JsonProperty("ResponseMetadata") @Nullable ResponseMetadata responseMetadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(@JsonProperty("task_id") @Nullable String taskId, @JsonProperty("status") @Nullable String status,
            @JsonProperty("video_url") @Nullable String videoUrl,
            @JsonProperty("image_urls") @Nullable List<String> imageUrls,
            @JsonProperty("binary_data_base64") @Nullable List<String> binaryDataBase64) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponseMetadata(@JsonProperty("RequestId") @Nullable String requestId,
            @JsonProperty("Action") @Nullable String action, @JsonProperty("Error") @Nullable MetadataError error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MetadataError(@JsonProperty("Code") @Nullable String code,
            @JsonProperty("Message") @Nullable String message) {
    }

}
