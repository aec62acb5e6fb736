package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/** Maps a gateway request onto a Kling create body, and Kling task data onto result URLs. */
final class KlingMapper {

    private KlingMapper() {
    }

    /** A request with an {@code image} goes to image2video, any other to text2video. */
    static String family(GenerationRequest request) {
        return hasText(request.input(), "image") ? KlingApi.IMAGE2VIDEO : KlingApi.TEXT2VIDEO;
    }

    static KlingApi.CreateVideoRequest toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        return new KlingApi.CreateVideoRequest(request.providerModel(), text(input, "prompt"),
                text(input, "negative_prompt"), number(input, "cfg_scale"), text(input, "mode"),
                text(input, "aspect_ratio"), duration(input), sound(input), object(input, "camera_control"),
                text(input, "image"), text(input, "image_tail"),
                request.callbackUrl() == null ? null : request.callbackUrl().toString(), request.taskId());
    }

    static List<URI> videoUrls(KlingApi.TaskData data) {
        List<URI> urls = new ArrayList<>();
        if (data.taskResult() == null || data.taskResult().videos() == null) {
            return urls;
        }
        for (KlingApi.Video video : data.taskResult().videos()) {
            if (video.url() != null && !video.url().isBlank()) {
                urls.add(URI.create(video.url()));
            }
        }
        return urls;
    }

    /** Kling wants {@code duration} as a string ("5" or "10"), even when the client sent a number. */
    private static @Nullable String duration(JsonNode input) {
        JsonNode node = input.get("duration");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Long.toString(node.asLong());
        }
        if (node.isString()) {
            return node.stringValue();
        }
        throw new InvalidRequest("Invalid parameter: input.duration must be 5 or 10");
    }

    private static @Nullable String sound(JsonNode input) {
        JsonNode node = input.get("sound");
        if (node != null && node.isBoolean()) {
            return node.asBoolean() ? "on" : "off";
        }
        return text(input, "sound");
    }

    private static @Nullable String text(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be a string");
        }
        return node.stringValue();
    }

    private static @Nullable Double number(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be a number");
        }
        return node.asDouble();
    }

    private static @Nullable JsonNode object(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be an object");
        }
        return node;
    }

    private static boolean hasText(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node != null && node.isString() && !node.stringValue().isBlank();
    }
}
