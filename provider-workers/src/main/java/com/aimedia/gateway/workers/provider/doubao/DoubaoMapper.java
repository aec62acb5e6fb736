package com.aimedia.gateway.workers.provider.doubao;

import static com.aimedia.gateway.workers.provider.spi.InputFields.bool;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto an Ark create body. Seedance 1.0 takes
 * {@code --ratio 16:9 --resolution 1080p
 * --duration 5 --seed 7 --camerafixed false --watermark false} as flags inside the text
 * [secondary]; the 1.5 and 2.0 models take the same settings as top-level fields (newer
 * docs). Endpoint ids ({@code ep-...}) hide the model, so they get the flags, which Ark
 * documents for every Seedance version.
 */
final class DoubaoMapper {

    private DoubaoMapper() {
    }

    static DoubaoApi.CreateRequest toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        boolean flags = usesTextFlags(request.providerModel());
        String ratio = text(input, "ratio");
        String resolution = text(input, "resolution");
        Integer duration = input.hasNonNull("duration") ? integer(input, "duration").intValue() : null;
        Long seed = input.hasNonNull("seed") ? integer(input, "seed") : null;
        Boolean cameraFixed = bool(input, "camera_fixed");
        Boolean watermark = bool(input, "watermark");
        List<DoubaoApi.ContentItem> content = new ArrayList<>();
        String prompt = text(input, "prompt");
        String text = prompt == null ? "" : prompt;
        if (flags) {
            text = appendFlags(text, ratio, resolution, duration, seed, cameraFixed, watermark);
        }
        if (!text.isBlank()) {
            content.add(DoubaoApi.ContentItem.text(text.strip()));
        }
        addImage(content, text(input, "first_frame"), "first_frame");
        addImage(content, text(input, "last_frame"), "last_frame");
        JsonNode references = input.get("reference_images");
        if (references != null && references.isArray()) {
            references
                .forEach(node -> addImage(content, node.isString() ? node.stringValue() : null, "reference_image"));
        }
        URI callback = request.callbackUrl();
        return new DoubaoApi.CreateRequest(request.providerModel(), content,
                callback == null ? null : callback.toString(), bool(input, "return_last_frame"), flags ? null : ratio,
                flags ? null : resolution, flags ? null : duration, flags ? null : seed, flags ? null : cameraFixed,
                flags ? null : watermark, bool(input, "generate_audio"));
    }

    static boolean usesTextFlags(String model) {
        return !model.contains("seedance-1-5") && !model.contains("seedance-2-0");
    }

    static List<URI> outputs(DoubaoApi.Task task) {
        List<URI> urls = new ArrayList<>();
        if (task.content() != null) {
            addUrl(urls, task.content().videoUrl());
            addUrl(urls, task.content().lastFrameUrl());
        }
        return urls;
    }

    private static String appendFlags(String prompt, @Nullable String ratio, @Nullable String resolution,
            @Nullable Integer duration, @Nullable Long seed, @Nullable Boolean cameraFixed,
            @Nullable Boolean watermark) {
        StringBuilder text = new StringBuilder(prompt);
        flag(text, "ratio", ratio);
        flag(text, "resolution", resolution);
        flag(text, "duration", duration);
        flag(text, "seed", seed);
        flag(text, "camerafixed", cameraFixed);
        flag(text, "watermark", watermark);
        return text.toString();
    }

    private static void flag(StringBuilder text, String name, @Nullable Object value) {
        if (value != null) {
            text.append(" --").append(name).append(' ').append(value);
        }
    }

    private static void addImage(List<DoubaoApi.ContentItem> content, @Nullable String url, String role) {
        if (url != null && !url.isBlank()) {
            content.add(DoubaoApi.ContentItem.image(url, role));
        }
    }

    private static void addUrl(List<URI> urls, @Nullable String url) {
        if (url != null && !url.isBlank()) {
            urls.add(URI.create(url));
        }
    }

    private static Long integer(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || !node.isIntegralNumber()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be an integer");
        }
        return node.asLong();
    }

}
