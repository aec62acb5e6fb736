package com.aimedia.gateway.workers.provider.minimax;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/** Maps a gateway request onto a MiniMax create body (field names as MiniMax's). */
final class MiniMaxMapper {

    private MiniMaxMapper() {
    }

    static MiniMaxApi.CreateRequest toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        JsonNode subject = input.get("subject_reference");
        if (subject != null && !subject.isNull() && !subject.isArray()) {
            throw new InvalidRequest("Invalid parameter: input.subject_reference must be an array");
        }
        return new MiniMaxApi.CreateRequest(request.providerModel(), text(input, "prompt"), bool(input, "prompt_optimizer"),
                bool(input, "fast_pretreatment"), integer(input, "duration"), text(input, "resolution"),
                text(input, "first_frame_image"), text(input, "last_frame_image"),
                subject == null || subject.isNull() ? null : subject, bool(input, "aigc_watermark"),
                request.callbackUrl() == null ? null : request.callbackUrl().toString());
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

    private static @Nullable Integer integer(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be an integer");
        }
        return node.asInt();
    }

    private static @Nullable Boolean bool(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be true or false");
        }
        return node.asBoolean();
    }
}
