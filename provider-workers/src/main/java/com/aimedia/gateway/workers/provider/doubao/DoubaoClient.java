package com.aimedia.gateway.workers.provider.doubao;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ark over HTTP with {@code Authorization: Bearer <ARK_API_KEY>}; every error answer
 * becomes a classified exception.
 */
final class DoubaoClient {

    private final DoubaoProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    DoubaoClient(DoubaoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    DoubaoApi.Task create(DoubaoApi.CreateRequest body) {
        return exchange(request(DoubaoApi.TASKS).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    DoubaoApi.Task get(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        return exchange(request(DoubaoApi.TASKS + "/" + segment).GET());
    }

    /**
     * {@code DELETE /contents/generations/tasks/{id}}: cancels a queued task (and deletes
     * a finished one's record).
     */
    void delete(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        HttpResponse<byte[]> response = http.send(request(DoubaoApi.TASKS + "/" + segment).DELETE().build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        JsonNode body = parse(response.body());
        JsonNode error = body == null ? null : body.get("error");
        String code = error != null && error.hasNonNull("code") ? error.get("code").asString() : null;
        String message = error != null && error.hasNonNull("message") ? scrub(error.get("message").asString()) : "";
        throw DoubaoErrorClassifier.classify(status, code, message, RetryAfter.seconds(response));
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private DoubaoApi.Task exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        JsonNode error = body == null ? null : body.get("error");
        boolean hasId = body != null && body.hasNonNull("id");
        // a task object carries "error": null, or an error object when it failed; an
        // error answer has no "id"
        if (status >= 200 && status < 300 && hasId) {
            return json.treeToValue(body, DoubaoApi.Task.class);
        }
        String code = error != null && error.hasNonNull("code") ? error.get("code").asString() : null;
        String message = error != null && error.hasNonNull("message") ? scrub(error.get("message").asString()) : "";
        throw DoubaoErrorClassifier.classify(status >= 200 && status < 300 && code == null ? 502 : status, code,
                message, RetryAfter.seconds(response));
    }

    /** Only a JSON object counts as an Ark answer; anything else reads as no answer. */
    private @Nullable JsonNode parse(byte[] body) {
        JsonNode node = JsonBodies.treeOrNull(json, body);
        return node != null && node.isObject() ? node : null;
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
