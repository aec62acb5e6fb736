package com.aimedia.gateway.workers.provider.minimax;

import static com.aimedia.gateway.workers.provider.spi.InputFields.bool;
import static com.aimedia.gateway.workers.provider.spi.InputFields.integer;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

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
        return new MiniMaxApi.CreateRequest(request.providerModel(), text(input, "prompt"),
                bool(input, "prompt_optimizer"), bool(input, "fast_pretreatment"), integer(input, "duration"),
                text(input, "resolution"), text(input, "first_frame_image"), text(input, "last_frame_image"),
                subject == null || subject.isNull() ? null : subject, bool(input, "aigc_watermark"),
                request.callbackUrl() == null ? null : request.callbackUrl().toString());
    }

}
