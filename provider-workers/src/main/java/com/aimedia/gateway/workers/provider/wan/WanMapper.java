package com.aimedia.gateway.workers.provider.wan;

import static com.aimedia.gateway.workers.provider.spi.InputFields.bool;
import static com.aimedia.gateway.workers.provider.spi.InputFields.longValue;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a DashScope body ({@code model}, {@code input},
 * {@code parameters}).
 */
final class WanMapper {

    private WanMapper() {
    }

    /**
     * Text-to-image models ({@code ...-t2i-...}) go to the image-synthesis endpoint,
     * every other Wan model to video-synthesis. The model id passes through unchanged
     * (the {@code wan}/{@code wanx} prefix differs by region).
     */
    static String kind(String providerModel) {
        return providerModel.contains("-t2i") ? WanApi.IMAGE : WanApi.VIDEO;
    }

    static WanApi.SubmitRequest toSubmitRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        boolean image = WanApi.IMAGE.equals(kind(request.providerModel()));
        WanApi.Input body = image
                ? new WanApi.Input(text(input, "prompt"), text(input, "negative_prompt"), null, null, null, null)
                : new WanApi.Input(text(input, "prompt"), text(input, "negative_prompt"), text(input, "img_url"),
                        text(input, "first_frame_url"), text(input, "last_frame_url"), text(input, "audio_url"));
        WanApi.Parameters parameters = image
                ? new WanApi.Parameters(text(input, "size"), null, null, integer(input, "n"), longValue(input, "seed"),
                        bool(input, "prompt_extend"), bool(input, "watermark"), null)
                : new WanApi.Parameters(text(input, "size"), text(input, "resolution"), integer(input, "duration"),
                        null, longValue(input, "seed"), bool(input, "prompt_extend"), bool(input, "watermark"),
                        text(input, "shot_type"));
        return new WanApi.SubmitRequest(request.providerModel(), body, parameters);
    }

    private static @Nullable Integer integer(JsonNode input, String field) {
        Long value = longValue(input, field);
        return value == null ? null : Math.toIntExact(value);
    }

}
