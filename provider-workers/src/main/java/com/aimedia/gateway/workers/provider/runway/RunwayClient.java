package com.aimedia.gateway.workers.provider.runway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runway over HTTP: {@code Authorization: Bearer <key>} and the required {@code X-Runway-Version} on every call;
 * create = {@code POST /v1/<endpoint>} answering {@code {"id"}}, poll = {@code GET /v1/tasks/{id}}. Any non-2xx
 * becomes a classified exception; the key is scrubbed from any provider text that might echo it.
 */
final class RunwayClient {

    private final RunwayProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    RunwayClient(RunwayProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String create(String endpoint, String model, Record body) {
        HttpResponse<byte[]> response = send(request("/v1/" + endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build());
        RunwayApi.Created created = success(response, model, RunwayApi.Created.class);
        if (created == null || created.id() == null || created.id().isBlank()) {
            throw new ProviderUnavailable("The provider answered success without a task id.");
        }
        return created.id();
    }

    RunwayApi.Task task(String id) {
        HttpResponse<byte[]> response = send(request("/v1/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).GET().build());
        RunwayApi.Task task = success(response, null, RunwayApi.Task.class);
        if (task == null) {
            throw new ProviderUnavailable("The provider answered success without a task.");
        }
        return task;
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey())
            .header("X-Runway-Version", properties.apiVersion());
    }

    private <T> @Nullable T success(HttpResponse<byte[]> response, @Nullable String model, Class<T> type) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return read(response.body(), type);
        }
        RunwayApi.Error error = read(response.body(), RunwayApi.Error.class);
        throw RunwayErrorClassifier.classify(status, error == null ? "" : scrub(errorText(error)), model, retryAfter(response));
    }

    /** The {@code error} text plus any validation issues ({@code model: Invalid enum value ...}). */
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

    private <T> @Nullable T read(byte[] body, Class<T> type) {
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

    private @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String scrub(String message) {
        String key = properties.apiKey();
        return key == null || key.isBlank() ? message : message.replace(key, "***");
    }
}
