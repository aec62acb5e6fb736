package com.aimedia.gateway.workers.provider.minimax;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * MiniMax's wire shapes (docs/providers/minimax.md). Every answer carries
 * {@code base_resp}.
 */
final class MiniMaxApi {

    private MiniMaxApi() {
    }

    /** Body of {@code POST /v1/video_generation}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateRequest(@JsonProperty("model") String model, @JsonProperty("prompt") @Nullable String prompt,
            @JsonProperty("prompt_optimizer") @Nullable Boolean promptOptimizer,
            @JsonProperty("fast_pretreatment") @Nullable Boolean fastPretreatment,
            @JsonProperty("duration") @Nullable Integer duration,
            @JsonProperty("resolution") @Nullable String resolution,
            @JsonProperty("first_frame_image") @Nullable String firstFrameImage,
            @JsonProperty("last_frame_image") @Nullable String lastFrameImage,
            @JsonProperty("subject_reference") @Nullable JsonNode subjectReference,
            @JsonProperty("aigc_watermark") @Nullable Boolean aigcWatermark,
            @JsonProperty("callback_url") @Nullable String callbackUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BaseResp(@JsonProperty("status_code") @Nullable Integer statusCode,
            @JsonProperty("status_msg") @Nullable String statusMsg) {

        boolean ok() {
            return statusCode == null || statusCode == 0;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateResponse(@JsonProperty("task_id") @Nullable String taskId,
            @JsonProperty("base_resp") @Nullable BaseResp baseResp) {
    }

    /**
     * Answer of {@code GET /v1/query/video_generation}; also the shape of status
     * callbacks.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record QueryResponse(@JsonProperty("task_id") @Nullable String taskId,
            @JsonProperty("status") @Nullable String status, @JsonProperty("file_id") @Nullable String fileId,
            @JsonProperty("base_resp") @Nullable BaseResp baseResp) {
    }

    /** Answer of {@code GET /v1/files/retrieve}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RetrieveResponse(@JsonProperty("file") @Nullable File file,
            @JsonProperty("base_resp") @Nullable BaseResp baseResp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(@JsonProperty("file_id") @Nullable String fileId,
            @JsonProperty("download_url") @Nullable String downloadUrl,
            @JsonProperty("backup_download_url") @Nullable String backupDownloadUrl) {
    }

}
