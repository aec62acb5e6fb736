package com.aimedia.gateway.workers.provider.veo;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a gateway request (Veo's own field names, flat) onto
 * {@code {"instances":[..],"parameters":{..}}}, and a done operation onto outputs. Per
 * the Google SDK converters, some parameters exist only on Vertex AI; the Gemini API path
 * refuses them here, as the SDK does, instead of sending them.
 */
final class VeoMapper {

    static final Set<String> INSTANCE_FIELDS = Set.of("prompt", "image", "lastFrame", "referenceImages", "video");
    static final Set<String> PARAMETER_FIELDS = Set.of("aspectRatio", "durationSeconds", "resolution",
            "personGeneration", "negativePrompt", "enhancePrompt", "sampleCount", "seed", "generateAudio", "storageUri",
            "fps", "compressionQuality", "pubsubTopic");
    static final Set<String> VERTEX_ONLY = Set.of("seed", "generateAudio", "storageUri", "fps", "compressionQuality",
            "pubsubTopic");

    private VeoMapper() {
    }

    static VeoApi.PredictRequest toPredictRequest(GenerationRequest request, boolean vertex, JsonMapper json) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        ObjectNode instance = json.createObjectNode();
        ObjectNode parameters = json.createObjectNode();
        for (String field : input.propertyNames()) {
            JsonNode value = input.get(field);
            if (INSTANCE_FIELDS.contains(field)) {
                instance.set(field, value);
            }
            else if (PARAMETER_FIELDS.contains(field)) {
                if (!vertex && VERTEX_ONLY.contains(field)) {
                    throw new InvalidRequest("Invalid parameter: input." + field + " is supported on the Vertex AI "
                            + "endpoint only, not on the Gemini API");
                }
                parameters.set(field, value);
            }
            else {
                throw new InvalidRequest("Invalid parameter: input." + field + " is not a Veo field");
            }
        }
        return new VeoApi.PredictRequest(List.of(instance), parameters);
    }

    /** The samples of a done operation, in either response shape (Gemini or Vertex). */
    static List<ProviderOutput> outputs(VeoApi.Operation operation, Map<String, String> downloadHeaders, URI gcsBase) {
        List<ProviderOutput> outputs = new ArrayList<>();
        JsonNode response = operation.response();
        if (response == null) {
            return outputs;
        }
        for (JsonNode sample : response.path("generateVideoResponse").path("generatedSamples")) {
            video(sample.path("video"), downloadHeaders, gcsBase).ifPresent(outputs::add);
        }
        for (JsonNode sample : response.path("generatedSamples")) {
            video(sample.path("video"), downloadHeaders, gcsBase).ifPresent(outputs::add);
        }
        for (JsonNode video : response.path("videos")) {
            video(video, downloadHeaders, gcsBase).ifPresent(outputs::add);
        }
        return outputs;
    }

    static List<String> filterReasons(VeoApi.Operation operation) {
        List<String> reasons = new ArrayList<>();
        JsonNode response = operation.response();
        if (response != null) {
            response.path("generateVideoResponse")
                .path("raiMediaFilteredReasons")
                .forEach(r -> reasons.add(r.asString()));
            response.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asString()));
        }
        return reasons;
    }

    private static Optional<ProviderOutput> video(JsonNode video, Map<String, String> headers, URI gcsBase) {
        String uri = video.path("uri").asString("");
        String gcsUri = video.path("gcsUri").asString("");
        String inline = video.path("bytesBase64Encoded").asString(video.path("encodedVideo").asString(""));
        String type = video.path("mimeType").asString(video.path("encoding").asString("video/mp4"));
        if (!uri.isBlank()) {
            // Files API links need the API key (the SDK's files.download sends it)
            return Optional.of(new ProviderOutput.Remote(URI.create(uri), headers));
        }
        if (gcsUri.startsWith("gs://")) {
            String base = gcsBase.toString().replaceAll("/+$", "");
            return Optional.of(new ProviderOutput.Remote(URI.create(base + "/" + gcsUri.substring(5)), headers));
        }
        if (!inline.isBlank()) {
            return Optional.of(new ProviderOutput.Inline(Base64.getDecoder().decode(inline), type));
        }
        return Optional.empty();
    }

}
