package com.aimedia.gateway.workers.provider.luma;

import static com.aimedia.gateway.workers.provider.spi.InputFields.bool;
import static com.aimedia.gateway.workers.provider.spi.InputFields.number;
import static com.aimedia.gateway.workers.provider.spi.InputFields.text;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.databind.JsonNode;

/**
 * Maps a gateway request onto a Luma create body, and a Generation onto its result asset.
 */
final class LumaMapper {

    private LumaMapper() {
    }

    /** Luma's image models are the Photon family; every other model (Ray) makes video. */
    static String generationType(String providerModel) {
        return providerModel.startsWith("photon") ? LumaApi.IMAGE : LumaApi.VIDEO;
    }

    static Record toCreateRequest(GenerationRequest request) {
        JsonNode input = request.input();
        if (!input.isObject()) {
            throw new InvalidRequest("Invalid parameter: input must be a JSON object");
        }
        String callbackUrl = request.callbackUrl() == null ? null : request.callbackUrl().toString();
        if (LumaApi.IMAGE.equals(generationType(request.providerModel()))) {
            return new LumaApi.CreateImageRequest(LumaApi.IMAGE, request.providerModel(), text(input, "prompt"),
                    text(input, "aspect_ratio"), text(input, "format"), node(input, "image_ref"),
                    node(input, "style_ref"), node(input, "character_ref"), node(input, "modify_image_ref"),
                    bool(input, "sync"), number(input, "sync_timeout"), callbackUrl);
        }
        return new LumaApi.CreateVideoRequest(LumaApi.VIDEO, request.providerModel(), text(input, "prompt"),
                text(input, "aspect_ratio"), duration(input), text(input, "resolution"), bool(input, "loop"),
                node(input, "keyframes"), node(input, "concepts"), callbackUrl);
    }

    /**
     * {@code assets.video} for a video generation, {@code assets.image} for an image one.
     */
    static @Nullable URI asset(LumaApi.Generation generation, @Nullable String generationType) {
        LumaApi.Assets assets = generation.assets();
        if (assets == null) {
            return null;
        }
        String type = generation.generationType() != null ? generation.generationType() : generationType;
        String url = LumaApi.IMAGE.equals(type) ? assets.image() : assets.video();
        return url == null || url.isBlank() ? null : URI.create(url);
    }

    /**
     * Luma wants {@code "5s"}/{@code "9s"}; a bare number of seconds is accepted for
     * convenience.
     */
    private static @Nullable String duration(JsonNode input) {
        JsonNode node = input.get("duration");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong() + "s";
        }
        if (node.isString()) {
            return node.stringValue();
        }
        throw new InvalidRequest("Invalid parameter: input.duration must be \"5s\" or \"9s\"");
    }

    private static @Nullable JsonNode node(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node;
    }

}
