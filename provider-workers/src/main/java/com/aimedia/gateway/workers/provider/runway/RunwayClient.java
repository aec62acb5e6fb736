package com.aimedia.gateway.workers.provider.runway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runway over HTTP: {@code Authorization: Bearer <key>} and the required
 * {@code X-Runway-Version} on every call; create = {@code POST /v1/<endpoint>} answering
 * {@code {"id"}}, poll = {@code GET /v1/tasks/{id}}. Any non-2xx becomes a classified
 * exception; the key is scrubbed from any provider text that might echo it.
 */
final class RunwayClient {

    private final RunwayProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final ProviderHttp http;

    RunwayClient(RunwayProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    String create(String endpoint, String model, Record body) {
        HttpResponse<byte[]> response = http.send(request("/v1/" + endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build());
        RunwayApi.Created created = success(response, model, RunwayApi.Created.class);
        if (created == null || created.id() == null || created.id().isBlank()) {
            throw new ProviderUnavailable("The provider answered success without a task id.");
        }
        return created.id();
    }

    RunwayApi.Task task(String id) {
        HttpResponse<byte[]> response = http
            .send(request("/v1/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).GET().build());
        RunwayApi.Task task = success(response, null, RunwayApi.Task.class);
        if (task == null) {
            throw new ProviderUnavailable("The provider answered success without a task.");
        }
        return task;
    }

    /**
     * {@code DELETE /v1/tasks/{id}}: cancels a task in flight (and would delete a
     * finished one: callers check first).
     */
    void delete(String id) {
        HttpResponse<byte[]> response = http
            .send(request("/v1/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).DELETE().build());
        success(response, null, RunwayApi.Task.class);
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey())
            .header("X-Runway-Version", properties.apiVersion());
    }

    private <T> @Nullable T success(HttpResponse<byte[]> response, @Nullable String model, Class<T> type) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return JsonBodies.readOrNull(json, response.body(), type);
        }
        RunwayApi.Error error = JsonBodies.readOrNull(json, response.body(), RunwayApi.Error.class);
        throw RunwayErrorClassifier.classify(status, error == null ? "" : scrub(errorText(error)), model,
                RetryAfter.secondsOrDate(response, clock));
    }

    /**
     * The {@code error} text plus any validation issues
     * ({@code model: Invalid enum value ...}).
     */
    private static String errorText(RunwayApi.Error error) {
        StringBuilder text = new StringBuilder(error.error() == null ? "" : error.error());
        if (error.issues() != null) {
            for (RunwayApi.Issue issue : error.issues()) {
                text.append(text.isEmpty() ? "" : "; ")
                    .append(issue.path() == null || issue.path().isEmpty() ? "" : String.join(".", issue.path()) + ": ")
                    .append(issue.message() == null ? "" : issue.message());
            }
        }
        return text.toString();
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
