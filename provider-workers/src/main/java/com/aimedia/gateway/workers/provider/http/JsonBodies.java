package com.aimedia.gateway.workers.provider.http;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a provider's answer body. Error bodies are best effort (a proxy may answer HTML
 * or nothing), so they read as {@code null}; a success body the gateway must understand
 * fails as a retryable {@link ProviderUnavailable}.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body as {@code type}, or {@code null} when it is empty or not readable as one.
     */
    public static <T> @Nullable T readOrNull(JsonMapper json, byte[] body, Class<T> type) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, type);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    /** The body as a JSON tree, or {@code null} when it is empty or not JSON. */
    public static @Nullable JsonNode treeOrNull(JsonMapper json, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The body as {@code type}; an unreadable body is the provider's fault and worth a
     * retry.
     */
    public static <T> T readRequired(JsonMapper json, byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        }
        catch (JacksonException e) {
            throw new ProviderUnavailable("The provider answered with a body the gateway cannot read.");
        }
    }

}
