package com.aimedia.gateway.api.task;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.ModelKind;

/**
 * The length of video a submit asks for, for usage ({@code GET /v1/usage}
 * {@code video_seconds}): the input's {@code duration} or {@code durationSeconds} (Veo),
 * as every video model's input schema names it, given as a number, a numeric string
 * ({@code "5"}) or with a unit ({@code "5s"}, Luma). Null for other kinds and for a
 * request that leaves the length to the provider's default (not counted: the gateway does
 * not know it).
 */
final class RequestedDuration {

    private static final Pattern SECONDS = Pattern.compile("([0-9]{1,4})(?:\\.[0-9]+)?s?");

    private RequestedDuration() {
    }

    static @Nullable Integer seconds(CatalogModel model, ObjectNode input) {
        if (model.kind() != ModelKind.VIDEO) {
            return null;
        }
        JsonNode value = input.has("duration") ? input.get("duration") : input.get("durationSeconds");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asInt() > 0 ? value.asInt() : null;
        }
        Matcher matcher = value.isString() ? SECONDS.matcher(value.asString().strip()) : null;
        return matcher != null && matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

}
