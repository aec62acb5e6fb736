package com.aimedia.gateway.workers.provider.runway;

import static com.aimedia.gateway.workers.provider.spi.InputFields.longValue;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a Runway create body (Runway's own camelCase field names),
 * and a task onto its outputs.
 */
final class RunwayMapper {

    private RunwayMapper() {
    }

    static Record toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        String model = request.providerModel();
        if (RunwayApi.TEXT_TO_IMAGE.equals(RunwayModels.endpoint(model))) {
            return new RunwayApi.TextToImageRequest(model, text(input, "promptText"), text(input, "ratio"),
                    node(input, "referenceImages"), longValue(input, "seed"), node(input, "contentModeration"));
        }
        Long duration = longValue(input, "duration");
        return new RunwayApi.ImageToVideoRequest(model, node(input, "promptImage"), text(input, "promptText"),
                text(input, "ratio"), duration == null ? null : Math.toIntExact(duration), longValue(input, "seed"),
                node(input, "contentModeration"));
    }

    static List<URI> outputs(RunwayApi.Task task) {
        List<URI> urls = new ArrayList<>();
        if (task.output() != null) {
            for (String url : task.output()) {
                if (url != null && !url.isBlank()) {
                    urls.add(URI.create(url));
                }
            }
        }
        return urls;
    }

    private static @Nullable JsonNode node(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node;
    }

}
