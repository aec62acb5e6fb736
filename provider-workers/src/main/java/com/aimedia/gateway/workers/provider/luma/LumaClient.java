package com.aimedia.gateway.workers.provider.luma;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Luma over HTTP: {@code Authorization: Bearer <key>}, create = {@code POST
 * /generations/{video|image}} (HTTP 201), poll = {@code GET /generations/{id}}. Any
 * non-2xx becomes a classified exception; the key is scrubbed from any provider text that
 * might echo it.
 */
final class LumaClient {

    private final LumaProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final ProviderHttp http;

    LumaClient(LumaProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    LumaApi.Generation create(String generationType, Record body) {
        return exchange(request("/generations/" + generationType).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    LumaApi.Generation get(String id) {
        return exchange(request("/generations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).GET());
    }

    /**
     * {@code DELETE /generations/{id}}: removes the generation (in flight, Luma stops
     * working on it).
     */
    void delete(String id) {
        HttpResponse<byte[]> response = http
            .send(request("/generations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).DELETE().build());
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            LumaApi.Error error = JsonBodies.readOrNull(json, response.body(), LumaApi.Error.class);
            String detail = error == null ? "" : scrub(detailText(error.detail()));
            throw LumaErrorClassifier.classify(status, detail, RetryAfter.secondsOrDate(response, clock));
        }
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private LumaApi.Generation exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            LumaApi.Generation generation = JsonBodies.readOrNull(json, response.body(), LumaApi.Generation.class);
            if (generation == null || generation.id() == null || generation.id().isBlank()) {
                throw new ProviderUnavailable("The provider answered success without a generation.");
            }
            return generation;
        }
        LumaApi.Error error = JsonBodies.readOrNull(json, response.body(), LumaApi.Error.class);
        String detail = error == null ? "" : scrub(detailText(error.detail()));
        throw LumaErrorClassifier.classify(status, detail, RetryAfter.secondsOrDate(response, clock));
    }

    /**
     * FastAPI answers {@code detail} as a string, or as a list of {@code {loc, msg}}
     * validation problems.
     */
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

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
