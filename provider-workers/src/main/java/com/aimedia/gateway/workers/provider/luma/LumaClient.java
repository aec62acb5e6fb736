package com.aimedia.gateway.workers.provider.luma;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Luma over HTTP: {@code Authorization: Bearer <key>}, create = {@code POST /generations/{video|image}} (HTTP 201),
 * poll = {@code GET /generations/{id}}. Any non-2xx becomes a classified exception; the key is scrubbed from any
 * provider text that might echo it.
 */
final class LumaClient {

    private final LumaProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    LumaClient(LumaProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    LumaApi.Generation create(String generationType, Record body) {
        return exchange(request("/generations/" + generationType).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    LumaApi.Generation get(String id) {
        return exchange(request("/generations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).GET());
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private LumaApi.Generation exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            LumaApi.Generation generation = read(response.body(), LumaApi.Generation.class);
            if (generation == null || generation.id() == null || generation.id().isBlank()) {
                throw new ProviderUnavailable("The provider answered success without a generation.");
            }
            return generation;
        }
        LumaApi.Error error = read(response.body(), LumaApi.Error.class);
        String detail = error == null ? "" : scrub(detailText(error.detail()));
        throw LumaErrorClassifier.classify(status, detail, retryAfter(response));
    }

    /** FastAPI answers {@code detail} as a string, or as a list of {@code {loc, msg}} validation problems. */
    private static String detailText(@Nullable JsonNode detail) {
        if (detail == null || detail.isNull()) {
            return "";
        }
        if (detail.isString()) {
            return detail.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode problem : detail) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            JsonNode loc = problem.path("loc");
            text.append(loc.isArray() && !loc.isEmpty() ? loc.get(loc.size() - 1).asString() + ": " : "")
                .append(problem.path("msg").asString(""));
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
