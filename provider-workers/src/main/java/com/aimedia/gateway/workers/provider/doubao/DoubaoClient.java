package com.aimedia.gateway.workers.provider.doubao;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ark over HTTP with {@code Authorization: Bearer <ARK_API_KEY>}; every error answer becomes a classified exception. */
final class DoubaoClient {

    private final DoubaoProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    DoubaoClient(DoubaoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    DoubaoApi.Task create(DoubaoApi.CreateRequest body) {
        return exchange(request(DoubaoApi.TASKS).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    DoubaoApi.Task get(String taskId) {
        String segment = URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
        return exchange(request(DoubaoApi.TASKS + "/" + segment).GET());
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private DoubaoApi.Task exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        JsonNode error = body == null ? null : body.get("error");
        boolean hasId = body != null && body.hasNonNull("id");
        // a task object carries "error": null, or an error object when it failed; an error answer has no "id"
        if (status >= 200 && status < 300 && hasId) {
            return json.treeToValue(body, DoubaoApi.Task.class);
        }
        String code = error != null && error.hasNonNull("code") ? error.get("code").asString() : null;
        String message = error != null && error.hasNonNull("message") ? scrub(error.get("message").asString()) : "";
        throw DoubaoErrorClassifier.classify(status >= 200 && status < 300 && code == null ? 502 : status, code,
                message, retryAfter(response));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (HttpTimeoutException e) {
            throw new ProviderTimeout("The provider did not answer within the timeout.", e);
        }
        catch (IOException e) {
            throw new ProviderUnavailable("The provider could not be reached.", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted while waiting for the provider.", e);
        }
    }

    private @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() ? node : null;
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())))).orElse(null);
        }
        catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private String scrub(String message) {
        String key = properties.apiKey();
        return key == null || key.isBlank() ? message : message.replace(key, "***");
    }
}
