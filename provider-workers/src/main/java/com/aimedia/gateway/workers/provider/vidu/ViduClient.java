package com.aimedia.gateway.workers.provider.vidu;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vidu over HTTP: {@code Authorization: Token <key>} (the scheme is {@code Token}, not
 * {@code Bearer}), timeouts, and every non-2xx answer classified by its {@code reason}.
 * The key is scrubbed from any echoed message.
 */
final class ViduClient {

    private final ViduProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    ViduClient(ViduProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    ViduApi.CreateResponse create(String endpoint, ViduApi.CreateRequest body) {
        HttpRequest.Builder request = request("/" + endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return exchange(request, ViduApi.CreateResponse.class);
    }

    ViduApi.TaskResponse creations(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        return exchange(request("/tasks/" + segment + "/creations").GET(), ViduApi.TaskResponse.class);
    }

    /**
     * {@code POST /tasks/{id}/cancel}: answers {@code {}}; refused (400) once the task is
     * scheduled.
     */
    void cancel(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        exchange(request("/tasks/" + segment + "/cancel").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")), tools.jackson.databind.JsonNode.class);
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Token " + properties.apiKey());
    }

    private <T> T exchange(HttpRequest.Builder builder, Class<T> type) {
        HttpResponse<byte[]> response = http.send(builder.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return JsonBodies.readRequired(json, response.body(), type);
        }
        ViduApi.Error error = JsonBodies.readOrNull(json, response.body(), ViduApi.Error.class);
        String message = error == null || error.message() == null ? "" : scrub(error.message());
        // Vidu documents no Retry-After; honour one in seconds when a proxy or a future
        // API sends it
        throw ViduErrorClassifier.classify(status, error == null ? null : error.reason(), message,
                RetryAfter.digits(response));
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
