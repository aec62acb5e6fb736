package com.aimedia.gateway.workers.provider.doubao;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Ark's content generation task shapes (docs/providers/doubao.md), one record per JSON
 * shape.
 */
final class DoubaoApi {

    static final String TASKS = "/contents/generations/tasks";

    private DoubaoApi() {
    }

    /**
     * Body of {@code POST /contents/generations/tasks}. Seedance 1.0 reads its generation
     * parameters as flags inside the text item; the top-level parameter fields are for
     * the newer models and stay null for 1.0.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateRequest(@JsonProperty("model") String model, @JsonProperty("content") List<ContentItem> content,
            @JsonProperty("callback_url") @Nullable String callbackUrl,
            @JsonProperty("return_last_frame") @Nullable Boolean returnLastFrame,
            @JsonProperty("ratio") @Nullable String ratio, @JsonProperty("resolution") @Nullable String resolution,
            @JsonProperty("duration") @Nullable Integer duration, @JsonProperty("seed") @Nullable Long seed,
            @JsonProperty("camera_fixed") @Nullable Boolean cameraFixed,
            @JsonProperty("watermark") @Nullable Boolean watermark,
            @JsonProperty("generate_audio") @Nullable Boolean generateAudio) {
    }

    /**
     * A text item ({@code type:"text"}) or an image item ({@code type:"image_url"} with a
     * role).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContentItem(@JsonProperty("type") String type, @JsonProperty("text") @Nullable String text,
            @JsonProperty("image_url") @Nullable ImageUrl imageUrl, @JsonProperty("role") @Nullable String role) {

        static ContentItem text(String text) {
            return new ContentItem("text", text, null, null);
        }

        static ContentItem image(String url, String role) {
            return new ContentItem("image_url", null, new ImageUrl(url), role);
        }
    }

    record ImageUrl(@JsonProperty("url") String url) {
    }

    /**
     * The task object of a create answer ({@code id} only) or a query; also the callback
     * body.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(@JsonProperty("id") @Nullable String id, @JsonProperty("model") @Nullable String model,
            @JsonProperty("status") @Nullable String status, @JsonProperty("error") @Nullable Error error,
            @JsonProperty("content") @Nullable Content content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(@JsonProperty("video_url") @Nullable String videoUrl,
            @JsonProperty("last_frame_url") @Nullable String lastFrameUrl) {
    }

    /**
     * {@code {"error":{"code":"InputTextSensitiveContentDetected","message":..}}} and a
     * failed task's error.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("code") @Nullable String code, @JsonProperty("message") @Nullable String message,
            @JsonProperty("type") @Nullable String type) {
    }

}
