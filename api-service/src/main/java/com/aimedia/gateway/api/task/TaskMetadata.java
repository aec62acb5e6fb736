package com.aimedia.gateway.api.task;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * The {@code metadata} of a submit: a small map of strings the client gets back in every
 * task body, webhook and TaskStatusChanged (an order id, a user id). Bounded so it cannot
 * grow the task documents, the events and every webhook: at most {@value #MAX_KEYS} keys
 * of 1 to {@value #MAX_KEY_LENGTH} characters, string values of at most
 * {@value #MAX_VALUE_LENGTH} characters, no control characters. Sorted by key: every body
 * shows it in that order.
 */
final class TaskMetadata {

    static final int MAX_KEYS = 16;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_VALUE_LENGTH = 512;

    private static final String FIELD = SubmitRequestValidator.METADATA;

    private TaskMetadata() {
    }

    static SortedMap<String, String> validate(@Nullable JsonNode value) {
        SortedMap<String, String> metadata = new TreeMap<>();
        if (value == null || value.isNull()) {
            return metadata;
        }
        if (!value.isObject()) {
            throw invalid(FIELD, "must be an object of strings, e.g. {\"order_id\": \"1234\"}");
        }
        if (value.size() > MAX_KEYS) {
            throw invalid(FIELD, "has " + value.size() + " keys; at most " + MAX_KEYS + " are allowed");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || hasControlCharacter(key)) {
                throw invalid(FIELD, "keys must be 1 to " + MAX_KEY_LENGTH
                        + " characters without control characters; \"" + echo(key) + "\" is not");
            }
            JsonNode item = entry.getValue();
            String path = FIELD + "." + key;
            if (!item.isString()) {
                throw invalid(path, "must be a string");
            }
            String text = item.asString();
            if (text.length() > MAX_VALUE_LENGTH) {
                throw invalid(path,
                        "is " + text.length() + " characters long; at most " + MAX_VALUE_LENGTH + " are allowed");
            }
            if (hasControlCharacter(text)) {
                throw invalid(path, "must not contain control characters");
            }
            metadata.put(key, text);
        }
        return metadata;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String echo(String key) {
        String printable = key.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_KEY_LENGTH ? printable : printable.substring(0, MAX_KEY_LENGTH) + "...";
    }

    private static ApiProblemException invalid(String field, String message) {
        return ApiProblemException.field(ProblemCode.INVALID_REQUEST, field, message);
    }

}
