package com.aimedia.gateway.workers.provider.wan;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * DashScope over HTTP: {@code Authorization: Bearer}, and {@code X-DashScope-Async: enable} on every submit (HTTP calls
 * to these endpoints must be asynchronous). Any answer with a top-level {@code code}, or no {@code output}, is an error.
 */
final class WanClient {

    private final WanProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    WanClient(WanProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    WanApi.Output submit(String kind, WanApi.SubmitRequest body) {
        String path = WanApi.IMAGE.equals(kind) ? WanApi.IMAGE_SYNTHESIS : WanApi.VIDEO_SYNTHESIS;
        return exchange(request(path).header("Content-Type", "application/json").header("X-DashScope-Async", "enable")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    WanApi.Output task(String taskId) {
        String segment = URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
        return exchange(request(WanApi.TASKS + segment).GET());
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
        if (properties.workspace() != null && !properties.workspace().isBlank()) {
            builder.header("X-DashScope-WorkSpace", properties.workspace());
        }
        return builder;
    }

    private WanApi.Output exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        int status = response.statusCode();
        WanApi.Envelope envelope = parse(response.body());
        boolean hasError = envelope == null || (envelope.code() != null && !envelope.code().isBlank());
        if (status >= 200 && status < 300 && !hasError && envelope.output() != null) {
            return envelope.output();
        }
        String code = envelope == null ? null : envelope.code();
        String message = envelope == null || envelope.message() == null ? "" : scrub(envelope.message());
        int effective = status >= 200 && status < 300 && (code == null || code.isBlank()) ? 502 : status;
        throw WanErrorClassifier.classify(effective, code, message, retryAfter(response));
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

    private WanApi.@Nullable Envelope parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, WanApi.Envelope.class);
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
