package com.aimedia.gateway.simulators.vidu;

import tools.jackson.databind.JsonNode;

/**
 * Checks a create body the way Vidu does, answering its 400 reasons
 * ({@code FieldLacking}, {@code FieldInvalid}, ...).
 */
final class ViduRequestValidator {

    private ViduRequestValidator() {
    }

    /**
     * @return the model
     */
    static String validate(String endpoint, JsonNode body) {
        if (!body.isObject()) {
            throw new ViduError(400, "BadRequest", "body must be a JSON object").answer();
        }
        String model = body.path("model").asString("");
        if (model.isEmpty()) {
            throw new ViduError(400, "FieldLacking", "field model is required").answer();
        }
        boolean textOnly = "text2video".equals(endpoint);
        if (!(textOnly ? ViduAccount.TEXT_MODELS : ViduAccount.IMAGE_MODELS).contains(model)) {
            throw new ViduError(400, "FieldInvalid", "model " + model + " is not supported by " + endpoint).answer();
        }
        boolean promptRequired = textOnly || "reference2video".equals(endpoint);
        if (promptRequired && body.path("prompt").asString("").isBlank()) {
            throw new ViduError(400, "FieldLacking", "field prompt is required").answer();
        }
        if (body.path("prompt").asString("").length() > 5000) {
            throw new ViduError(400, "FieldInvalid", "prompt is longer than 5000 characters").answer();
        }
        checkImages(endpoint, body.get("images"));
        JsonNode duration = body.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || duration.asInt() < 1 || duration.asInt() > 16)) {
            throw new ViduError(400, "FieldInvalid", "duration must be an integer number of seconds").answer();
        }
        return model;
    }

    private static void checkImages(String endpoint, JsonNode images) {
        int min = switch (endpoint) {
            case "text2video" -> 0;
            case "img2video", "reference2video" -> 1;
            default -> 2;
        };
        int max = switch (endpoint) {
            case "text2video" -> 0;
            case "img2video" -> 1;
            case "start-end2video" -> 2;
            default -> 7;
        };
        if (images == null || images.isNull()) {
            if (min > 0) {
                throw new ViduError(400, "FieldLacking", "field images is required").answer();
            }
            return;
        }
        if (max == 0) {
            throw new ViduError(400, "FieldUnwanted", "field images is not accepted by text2video").answer();
        }
        if (!images.isArray() || images.size() < min || images.size() > max) {
            throw new ViduError(400, "FieldItemCountOutOfRange",
                    "images must hold " + min + (min == max ? "" : " to " + max) + " item(s)")
                .answer();
        }
        for (JsonNode image : images) {
            String value = image.asString("");
            if (!value.startsWith("http://") && !value.startsWith("https://") && !value.startsWith("data:image/")) {
                throw new ViduError(400, "ImageFormatInvalid", "images must be URLs or data:image/...;base64 strings")
                    .answer();
            }
        }
    }

}
