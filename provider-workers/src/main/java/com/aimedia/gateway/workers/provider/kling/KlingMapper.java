package com.aimedia.gateway.workers.provider.kling;

import static com.aimedia.gateway.workers.provider.spi.InputFields.integer;
import static com.aimedia.gateway.workers.provider.spi.InputFields.number;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a Kling create body, and Kling task data onto result URLs.
 */
final class KlingMapper {

    private KlingMapper() {
    }

    /**
     * Public ids of Kling's image models start with this; Kling's own image model names
     * equal video ones.
     */
    static final String IMAGE_MODEL_PREFIX = "kling-image";

    /**
     * The endpoint family: image models go to images/generations; a video request with an
     * {@code image} goes to image2video, any other to text2video. Kling's image and video
     * model names overlap ({@code kling-v1}, {@code kling-v2-1}), so the public model id,
     * not the provider model, tells the kind.
     */
    static String family(GenerationRequest request) {
        if (request.model().startsWith(IMAGE_MODEL_PREFIX)) {
            return KlingApi.IMAGES;
        }
        return hasText(request.input(), "image") ? KlingApi.IMAGE2VIDEO : KlingApi.TEXT2VIDEO;
    }

    /** The create body of the request's family. */
    static Record toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        String callbackUrl = request.callbackUrl() == null ? null : request.callbackUrl().toString();
        if (KlingApi.IMAGES.equals(family(request))) {
            return new KlingApi.CreateImageRequest(request.providerModel(), text(input, "prompt"),
                    text(input, "negative_prompt"), text(input, "image"), text(input, "image_reference"),
                    number(input, "image_fidelity"), number(input, "human_fidelity"), text(input, "resolution"),
                    integer(input, "n"), text(input, "aspect_ratio"), callbackUrl, request.taskId());
        }
        return new KlingApi.CreateVideoRequest(request.providerModel(), text(input, "prompt"),
                text(input, "negative_prompt"), number(input, "cfg_scale"), text(input, "mode"),
                text(input, "aspect_ratio"), duration(input), sound(input), object(input, "camera_control"),
                text(input, "image"), text(input, "image_tail"), callbackUrl, request.taskId());
    }

    /**
     * The result files of a task: {@code task_result.videos[].url}, or
     * {@code images[].url} in {@code index} order.
     */
    static List<URI> resultUrls(KlingApi.TaskData data) {
        List<URI> urls = new ArrayList<>();
        KlingApi.TaskResult result = data.taskResult();
        if (result == null) {
            return urls;
        }
        if (result.videos() != null) {
            result.videos().forEach(video -> addUrl(urls, video.url()));
        }
        if (result.images() != null) {
            result.images()
                .stream()
                .sorted(Comparator.comparing(image -> image.index() == null ? Integer.MAX_VALUE : image.index()))
                .forEach(image -> addUrl(urls, image.url()));
        }
        return urls;
    }

    private static void addUrl(List<URI> urls, @Nullable String url) {
        if (url != null && !url.isBlank()) {
            urls.add(URI.create(url));
        }
    }

    /**
     * Kling wants {@code duration} as a string ("5" or "10"), even when the client sent a
     * number.
     */
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
