package com.aimedia.gateway.workers.provider.jimeng;

import static com.aimedia.gateway.workers.provider.spi.InputFields.longValue;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a Jimeng submit body, and a result onto outputs (URLs or
 * inline base64 images).
 */
final class JimengMapper {

    private JimengMapper() {
    }

    /**
     * The provider model is the {@code req_key}; the input uses the API's own field
     * names.
     */
    static JimengApi.SubmitRequest toSubmitRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        return new JimengApi.SubmitRequest(request.providerModel(), text(input, "prompt"), longValue(input, "seed"),
                text(input, "aspect_ratio"), intOrNull(input, "frames"), intOrNull(input, "width"),
                intOrNull(input, "height"), strings(input, "image_urls"), strings(input, "binary_data_base64"));
    }

    /**
     * A video URL, image URLs, or base64 images (the image req_keys answer base64 unless
     * asked for URLs).
     */
    static List<ProviderOutput> outputs(JimengApi.@Nullable Data data) {
        List<ProviderOutput> outputs = new ArrayList<>();
        if (data == null) {
            return outputs;
        }
        if (data.videoUrl() != null && !data.videoUrl().isBlank()) {
            outputs.add(ProviderOutput.url(URI.create(data.videoUrl())));
        }
        if (data.imageUrls() != null) {
            data.imageUrls()
                .stream()
                .filter(url -> url != null && !url.isBlank())
                .forEach(url -> outputs.add(ProviderOutput.url(URI.create(url))));
        }
        if (outputs.isEmpty() && data.binaryDataBase64() != null) {
            for (String encoded : data.binaryDataBase64()) {
                if (encoded != null && !encoded.isBlank()) {
                    byte[] bytes = decode(encoded);
                    outputs.add(new ProviderOutput.Inline(bytes, contentType(bytes)));
                }
            }
        }
        return outputs;
    }

    static String contentType(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(String encoded) {
        try {
            return Base64.getMimeDecoder().decode(encoded);
        }
        catch (IllegalArgumentException e) {
            throw new ProviderUnavailable("The provider returned an image that is not valid base64.");
        }
    }

    private static @Nullable Integer intOrNull(JsonNode input, String field) {
        Long value = longValue(input, field);
        return value == null ? null : Math.toIntExact(value);
    }

    private static @Nullable List<String> strings(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidRequest("Invalid parameter: input." + field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new InvalidRequest("Invalid parameter: input." + field + " must be an array of strings");
            }
            values.add(item.stringValue());
        }
        return values;
    }

}
