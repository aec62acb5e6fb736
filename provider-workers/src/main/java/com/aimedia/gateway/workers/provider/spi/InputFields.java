package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads optional typed fields of a {@link GenerationRequest#input()}. Absent or
 * {@code null} reads as {@code null}; a value of the wrong type is the caller's mistake,
 * an {@link InvalidRequest} worded the same for every provider.
 */
public final class InputFields {

    private InputFields() {
    }

    public static @Nullable String text(JsonNode input, String field) {
        JsonNode node = present(input, field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(field, "a string");
        }
        return node.stringValue();
    }

    public static @Nullable Boolean bool(JsonNode input, String field) {
        JsonNode node = present(input, field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return node.asBoolean();
    }

    /**
     * An integral number as an {@code int} (Jackson's {@code asInt}: out-of-range values
     * are not rejected here).
     */
    public static @Nullable Integer integer(JsonNode input, String field) {
        JsonNode node = present(input, field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw invalid(field, "an integer");
        }
        return node.asInt();
    }

    public static @Nullable Long longValue(JsonNode input, String field) {
        JsonNode node = present(input, field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw invalid(field, "an integer");
        }
        return node.asLong();
    }

    public static @Nullable Double number(JsonNode input, String field) {
        JsonNode node = present(input, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalid(field, "a number");
        }
        return node.asDouble();
    }

    private static @Nullable JsonNode present(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static InvalidRequest invalid(String field, String expected) {
        return new InvalidRequest("Invalid parameter: input." + field + " must be " + expected);
    }

}
