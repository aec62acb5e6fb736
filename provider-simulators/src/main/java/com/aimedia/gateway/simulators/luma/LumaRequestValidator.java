package com.aimedia.gateway.simulators.luma;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Checks a create body as Luma documents it (docs/providers/luma.md): the documented
 * pre-submission messages ("Prompt is required", prompt length 3-5000), the model of the
 * endpoint, and the enumerated values. Answers 400 with {@code detail}.
 */
final class LumaRequestValidator {

    static final Set<String> VIDEO_MODELS = Set.of("ray-2", "ray-flash-2", "ray-1-6");
    static final Set<String> IMAGE_MODELS = Set.of("photon-1", "photon-flash-1");

    private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21");

    private static final Set<String> DURATIONS = Set.of("5s", "9s");

    private static final Set<String> RESOLUTIONS = Set.of("540p", "720p", "1080p", "4k");

    private static final Set<String> FORMATS = Set.of("jpg", "png");

    private static final Set<String> FRAME_TYPES = Set.of("image", "generation");

    private LumaRequestValidator() {
    }

    static void validate(String type, JsonNode body) {
        if (!body.isObject()) {
            throw bad("Request body must be a JSON object");
        }
        String model = optionalString(body, "model");
        Set<String> models = "image".equals(type) ? IMAGE_MODELS : VIDEO_MODELS;
        if (model == null || !models.contains(model)) {
            throw bad("Invalid model: " + model + " (expected one of " + models + ")");
        }
        String prompt = optionalString(body, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw bad("Prompt is required");
        }
        if (prompt.length() < 3) {
            throw bad("Prompt is too short, minimum is 3 characters");
        }
        if (prompt.length() > 5000) {
            throw bad("Prompt is too long, maximum is 5000 characters");
        }
        checkEnum(body, "aspect_ratio", ASPECT_RATIOS);
        if ("image".equals(type)) {
            checkEnum(body, "format", FORMATS);
            return;
        }
        checkEnum(body, "duration", DURATIONS);
        checkEnum(body, "resolution", RESOLUTIONS);
        checkKeyframes(body.get("keyframes"));
    }

    private static void checkKeyframes(@Nullable JsonNode keyframes) {
        if (keyframes == null || keyframes.isNull()) {
            return;
        }
        for (String name : keyframes.propertyNames()) {
            JsonNode frame = keyframes.get(name);
            if (!Set.of("frame0", "frame1").contains(name) || !frame.isObject()
                    || !FRAME_TYPES.contains(frame.path("type").asString(""))) {
                throw bad("Invalid keyframes: expected frame0/frame1 with type image (url) or generation (id)");
            }
            String needed = "image".equals(frame.path("type").asString()) ? "url" : "id";
            if (frame.path(needed).asString("").isBlank()) {
                throw bad("Invalid keyframes: " + name + " needs " + needed);
            }
        }
    }

    private static void checkEnum(JsonNode body, String field, Set<String> allowed) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && (!node.isString() || !allowed.contains(node.stringValue()))) {
            throw bad("Invalid " + field + ": expected one of " + allowed);
        }
    }

    static @Nullable String optionalString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw bad(field + " must be a string");
        }
        return node.stringValue();
    }

    private static LumaError.Answer bad(String detail) {
        return LumaError.badRequest(detail).answer();
    }

}
