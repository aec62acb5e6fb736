package com.aimedia.gateway.simulators.runway;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks a create body per model as Runway's schema does (docs/providers/runway.md),
 * answering 400 {@code Validation of body failed} with the offending path.
 * {@code gen3a_turbo} is checked with its own rules only when the simulator still accepts
 * it; otherwise it is an unknown model, as in the schema since June 2026.
 */
final class RunwayRequestValidator {

    static final Set<String> GEN4_TURBO_RATIOS = Set.of("1280:720", "720:1280", "1104:832", "832:1104", "960:960",
            "1584:672");
    static final Set<String> GEN3A_RATIOS = Set.of("1280:768", "768:1280");
    static final Set<String> IMAGE_RATIOS = Set.of("1024:1024", "1080:1080", "1168:880", "1360:768", "1440:1080",
            "1080:1440", "1808:768", "1920:1080", "1080:1920", "2112:912", "1280:720", "720:1280", "720:720", "960:720",
            "720:960", "1680:720");

    private static final int MAX_PROMPT = 1000;

    private RunwayRequestValidator() {
    }

    static void imageToVideo(JsonNode body, boolean gen3aAccepted) {
        String model = body.path("model").asString("");
        boolean gen3a = "gen3a_turbo".equals(model) && gen3aAccepted;
        if (!"gen4_turbo".equals(model) && !gen3a) {
            throw invalid("model", "Invalid enum value. Expected 'gen4_turbo', received '" + model + "'");
        }
        checkPromptImage(body.get("promptImage"), gen3a ? Set.of("first", "last") : Set.of("first"));
        checkPromptText(body, gen3a);
        checkEnum(body, "ratio", gen3a ? GEN3A_RATIOS : GEN4_TURBO_RATIOS);
        JsonNode duration = body.get("duration");
        if (duration != null && (!duration.isIntegralNumber() || (gen3a ? !List.of(5, 10).contains(duration.asInt())
                : duration.asInt() < 2 || duration.asInt() > 10))) {
            throw invalid("duration", gen3a ? "Expected 5 or 10" : "Expected an integer from 2 to 10");
        }
    }

    static void textToImage(JsonNode body) {
        String model = body.path("model").asString("");
        if (!Set.of("gen4_image", "gen4_image_turbo").contains(model)) {
            throw invalid("model",
                    "Invalid enum value. Expected 'gen4_image' | 'gen4_image_turbo', received '" + model + "'");
        }
        checkPromptText(body, true);
        checkEnum(body, "ratio", IMAGE_RATIOS);
        JsonNode refs = body.get("referenceImages");
        int count = refs == null ? 0 : refs.size();
        if (refs != null && (!refs.isArray() || count > 3)) {
            throw invalid("referenceImages", "Expected an array of up to three images");
        }
        if ("gen4_image_turbo".equals(model) && count == 0) {
            throw invalid("referenceImages", "gen4_image_turbo requires one to three reference images");
        }
        for (int i = 0; i < count; i++) {
            checkUri(refs.get(i).path("uri"), "referenceImages");
        }
    }

    private static void checkPromptImage(JsonNode image, Set<String> positions) {
        if (image == null || image.isNull()) {
            throw invalid("promptImage", "Required");
        }
        if (image.isString()) {
            checkUri(image, "promptImage");
            return;
        }
        if (!image.isArray() || image.isEmpty()) {
            throw invalid("promptImage", "Expected a URI or an array of {uri, position}");
        }
        for (JsonNode frame : image) {
            checkUri(frame.path("uri"), "promptImage");
            if (!positions.contains(frame.path("position").asString(""))) {
                throw invalid("promptImage", "Invalid position, expected one of " + positions);
            }
        }
    }

    /** HTTPS URLs (not http), Runway upload URIs or data: URIs. */
    private static void checkUri(JsonNode uri, String field) {
        String value = uri.isString() ? uri.stringValue() : "";
        if (!(value.startsWith("https://") || value.startsWith("runway://") || value.startsWith("data:image/"))) {
            throw invalid(field, "Expected an HTTPS URL, a Runway upload URI or a data URI");
        }
    }

    private static void checkPromptText(JsonNode body, boolean required) {
        JsonNode text = body.get("promptText");
        if (text == null || text.isNull()) {
            if (required) {
                throw invalid("promptText", "Required");
            }
            return;
        }
        if (!text.isString() || text.stringValue().isEmpty() || text.stringValue().length() > MAX_PROMPT) {
            throw invalid("promptText", "Expected a non-empty string of at most " + MAX_PROMPT + " characters");
        }
    }

    private static void checkEnum(JsonNode body, String field, Set<String> allowed) {
        JsonNode node = body.get(field);
        if (node == null || !node.isString() || !allowed.contains(node.stringValue())) {
            throw invalid(field, node == null ? "Required" : "Invalid enum value. Expected one of " + allowed);
        }
    }

    private static RunwayError.Answer invalid(String field, String message) {
        return RunwayError.validation(field, message).answer();
    }

}
