package com.aimedia.gateway.simulators.kling;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Checks a create body as Kling documents it (docs/providers/kling.md, "Submit"): 400
 * 1200 for a missing or malformed parameter, 400 1201 for a value out of range, 404 1203
 * for an unknown model.
 */
final class KlingRequestValidator {

    static final Set<String> VIDEO_MODELS = Set.of("kling-v1", "kling-v1-5", "kling-v1-6", "kling-v2-master",
            "kling-v2-1", "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6", "kling-v3");
    static final Set<String> IMAGE_MODELS = Set.of("kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1");

    private static final Set<String> IMAGE_ASPECT_RATIOS = Set.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3",
            "21:9");

    private static final Set<String> IMAGE_REFERENCES = Set.of("subject", "face");

    private static final Set<String> RESOLUTIONS = Set.of("1k", "2k");

    private static final Set<String> DURATIONS = Set.of("5", "10");

    private static final Set<String> MODES = Set.of("std", "pro");

    private static final Set<String> ASPECT_RATIOS = Set.of("16:9", "9:16", "1:1");

    private static final Set<String> SOUND = Set.of("on", "off");

    private static final int MAX_PROMPT = 2500;

    private KlingRequestValidator() {
    }

    static void validate(String family, JsonNode body) {
        if (!body.isObject()) {
            throw invalidParameter("request body must be a JSON object");
        }
        if (KlingAccount.IMAGES.equals(family)) {
            validateImage(body);
            return;
        }
        String model = optionalString(body, "model_name");
        if (model != null && !VIDEO_MODELS.contains(model)) {
            throw new KlingError(404, 1203, "model_name not found: " + model).answer();
        }
        String prompt = optionalString(body, "prompt");
        if ((prompt == null || prompt.isBlank()) && "text2video".equals(family)) {
            throw invalidParameter("prompt is required");
        }
        checkLength(prompt, "prompt");
        checkLength(optionalString(body, "negative_prompt"), "negative_prompt");
        checkEnum(body, "duration", DURATIONS);
        checkEnum(body, "mode", MODES);
        checkEnum(body, "aspect_ratio", ASPECT_RATIOS);
        checkEnum(body, "sound", SOUND);
        checkCfgScale(body);
        if ("image2video".equals(family)) {
            checkImage(body, "image", true);
            checkImage(body, "image_tail", false);
        }
    }

    /**
     * {@code POST /v1/images/generations}: the image models, {@code n} 1-9, eight aspect
     * ratios, 1k/2k.
     */
    private static void validateImage(JsonNode body) {
        String model = optionalString(body, "model_name");
        if (model != null && !IMAGE_MODELS.contains(model)) {
            throw new KlingError(404, 1203, "model_name not found: " + model).answer();
        }
        String prompt = optionalString(body, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw invalidParameter("prompt is required");
        }
        checkLength(prompt, "prompt");
        checkLength(optionalString(body, "negative_prompt"), "negative_prompt");
        checkEnum(body, "aspect_ratio", IMAGE_ASPECT_RATIOS);
        checkEnum(body, "resolution", RESOLUTIONS);
        checkEnum(body, "image_reference", IMAGE_REFERENCES);
        checkImage(body, "image", false);
        JsonNode n = body.get("n");
        if (n != null && (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 9)) {
            throw invalidValue("n must be an integer from 1 to 9");
        }
    }

    private static void checkCfgScale(JsonNode body) {
        JsonNode cfg = body.get("cfg_scale");
        if (cfg == null) {
            return;
        }
        if (!cfg.isNumber() || cfg.asDouble() < 0 || cfg.asDouble() > 1) {
            throw invalidValue("cfg_scale must be a number in [0, 1]");
        }
    }

    private static void checkImage(JsonNode body, String field, boolean required) {
        String image = optionalString(body, field);
        if (image == null || image.isBlank()) {
            if (required) {
                throw invalidParameter(field + " is required");
            }
            return;
        }
        if (image.startsWith("data:")) {
            throw invalidValue(field + " must be a URL or raw Base64 without a data: prefix");
        }
    }

    private static void checkLength(@Nullable String value, String field) {
        if (value != null && value.length() > MAX_PROMPT) {
            throw invalidValue(field + " must be at most " + MAX_PROMPT + " characters");
        }
    }

    private static void checkEnum(JsonNode body, String field, Set<String> allowed) {
        JsonNode node = body.get(field);
        if (node == null) {
            return;
        }
        if (!node.isString() || !allowed.contains(node.stringValue())) {
            throw invalidValue(field + " must be a string, one of " + allowed);
        }
    }

    static @Nullable String optionalString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalidParameter(field + " must be a string");
        }
        return node.stringValue();
    }

    private static KlingError.Answer invalidParameter(String message) {
        return new KlingError(400, 1200, "Invalid request parameters: " + message).answer();
    }

    private static KlingError.Answer invalidValue(String message) {
        return new KlingError(400, 1201, "Invalid parameter value: " + message).answer();
    }

}
