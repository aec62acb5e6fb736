package com.aimedia.gateway.workers.provider.vidu;

import static com.aimedia.gateway.workers.provider.spi.InputFields.bool;
import static com.aimedia.gateway.workers.provider.spi.InputFields.integer;
import static com.aimedia.gateway.workers.provider.spi.InputFields.longValue;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a Vidu create call, and a Vidu task onto result URLs. The
 * endpoint is the input's {@code generation} (a gateway field, not sent to Vidu) or,
 * without it, follows from the image count: none = text2video, 1 = img2video, 2 =
 * start-end2video, more = reference2video. Reference to video with one image therefore
 * needs {@code generation: "reference2video"}.
 */
final class ViduMapper {

    static final Set<String> ENDPOINTS = Set.of("text2video", "img2video", "start-end2video", "reference2video");

    private ViduMapper() {
    }

    static String endpoint(GenerationRequest request) {
        String chosen = text(request.input(), "generation");
        if (chosen != null) {
            if (!ENDPOINTS.contains(chosen)) {
                throw new InvalidRequest("Invalid parameter: input.generation must be one of " + ENDPOINTS);
            }
            return chosen;
        }
        JsonNode images = request.input().get("images");
        int count = images == null || !images.isArray() ? 0 : images.size();
        return switch (count) {
            case 0 -> "text2video";
            case 1 -> "img2video";
            case 2 -> "start-end2video";
            default -> "reference2video";
        };
    }

    /**
     * The create body. {@code payload} passes the client's own value through untouched;
     * without one it carries the gateway task id, so a task (and every callback) names
     * the gateway task it belongs to.
     */
    static ViduApi.CreateRequest toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        String payload = text(input, "payload");
        return new ViduApi.CreateRequest(request.providerModel(), text(input, "prompt"), images(input),
                text(input, "style"), integer(input, "duration"), longValue(input, "seed"), text(input, "aspect_ratio"),
                text(input, "resolution"), text(input, "movement_amplitude"), bool(input, "bgm"), bool(input, "audio"),
                bool(input, "off_peak"), bool(input, "watermark"), payload != null ? payload : request.taskId(),
                request.callbackUrl() == null ? null : request.callbackUrl().toString());
    }

    /**
     * The video URL of each creation ({@code cover_url} is a thumbnail, not a result).
     */
    static List<URI> videoUrls(ViduApi.TaskResponse task) {
        List<URI> urls = new ArrayList<>();
        if (task.creations() != null) {
            for (ViduApi.Creation creation : task.creations()) {
                if (creation.url() != null && !creation.url().isBlank()) {
                    urls.add(URI.create(creation.url()));
                }
            }
        }
        return urls;
    }

    private static @Nullable List<String> images(JsonNode input) {
        JsonNode node = input.get("images");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidRequest("Invalid parameter: input.images must be an array of image URLs or data URLs");
        }
        List<String> images = new ArrayList<>();
        for (JsonNode image : node) {
            if (!image.isString()) {
                throw new InvalidRequest("Invalid parameter: input.images must hold strings");
            }
            images.add(image.stringValue());
        }
        return images;
    }

}
