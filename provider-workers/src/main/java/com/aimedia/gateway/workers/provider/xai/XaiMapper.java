package com.aimedia.gateway.workers.provider.xai;

import static com.aimedia.gateway.workers.provider.spi.InputFields.integer;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

import tools.jackson.databind.JsonNode;

/** Maps gateway input onto xAI bodies, and image answers onto outputs. */
final class XaiMapper {

    private XaiMapper() {
    }

    /**
     * Grok Imagine video models are asynchronous; every other xAI model here is a
     * synchronous image model.
     */
    static boolean isVideo(String providerModel) {
        return providerModel.contains("video");
    }

    static XaiApi.ImageRequest image(GenerationRequest request, String defaultFormat) {
        JsonNode input = object(request);
        String format = text(input, "response_format");
        return new XaiApi.ImageRequest(request.providerModel(), required(input, "prompt"), integer(input, "n"),
                format == null ? defaultFormat : format);
    }

    static XaiApi.VideoRequest video(GenerationRequest request) {
        JsonNode input = object(request);
        String image = text(input, "image");
        return new XaiApi.VideoRequest(request.providerModel(), required(input, "prompt"),
                image == null ? null : new XaiApi.ImageUrl(image), integer(input, "duration"),
                text(input, "aspect_ratio"), text(input, "resolution"));
    }

    /**
     * The images of a successful answer. xAI outputs JPG. An image flagged
     * {@code respect_moderation: false} is not delivered; an answer left without images
     * was filtered, which is a content policy failure.
     */
    static List<ProviderOutput> images(XaiApi.ImageResponse answer) {
        List<ProviderOutput> outputs = new ArrayList<>();
        for (XaiApi.ImageData item : answer.data() == null ? List.<XaiApi.ImageData>of() : answer.data()) {
            if (Boolean.FALSE.equals(item.respectModeration())) {
                continue;
            }
            if (item.b64Json() != null && !item.b64Json().isBlank()) {
                outputs.add(new ProviderOutput.Inline(Base64.getMimeDecoder().decode(item.b64Json()), "image/jpeg"));
            }
            else if (item.url() != null && !item.url().isBlank()) {
                outputs.add(ProviderOutput.url(URI.create(item.url())));
            }
        }
        if (outputs.isEmpty()) {
            throw new ContentRejected("The provider returned no image (filtered by its content moderation).");
        }
        return outputs;
    }

    private static JsonNode object(GenerationRequest request) {
        if (!request.input().isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        return request.input();
    }

    private static String required(JsonNode input, String field) {
        String value = text(input, field);
        if (value == null || value.isBlank()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " is required");
        }
        return value;
    }

}
