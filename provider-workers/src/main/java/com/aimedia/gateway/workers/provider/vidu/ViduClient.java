package com.aimedia.gateway.workers.provider.vidu;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vidu over HTTP: {@code Authorization: Token <key>} (the scheme is {@code Token}, not {@code Bearer}), timeouts, and
 * every non-2xx answer classified by its {@code reason}. The key is scrubbed from any echoed message.
 */
final class ViduClient {

    private final ViduProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    ViduClient(ViduProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ViduApi.CreateResponse create(String endpoint, ViduApi.CreateRequest body) {
        HttpRequest.Builder request = request("/" + endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return exchange(request, ViduApi.CreateResponse.class);
    }

    ViduApi.TaskResponse creations(String taskId) {
        String segment = URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
        return exchange(request("/tasks/" + segment + "/creations").GET(), ViduApi.TaskResponse.class);
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Token " + properties.apiKey());
    }

    private <T> T exchange(HttpRequest.Builder builder, Class<T> type) {
        HttpResponse<byte[]> response = send(builder.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return json.readValue(response.body(), type);
            }
            catch (JacksonException e) {
                throw new ProviderUnavailable("The provider answered with a body the gateway cannot read.");
            }
        }
        ViduApi.Error error = parseError(response.body());
        String message = error == null || error.message() == null ? "" : scrub(error.message());
        throw ViduErrorClassifier.classify(status, error == null ? null : error.reason(), message, retryAfter(response));
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

    private ViduApi.@Nullable Error parseError(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, ViduApi.Error.class);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    /** Vidu documents no Retry-After; honour one in seconds when a proxy or a future API sends it. */
    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d{1,9}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private String scrub(String message) {
        String key = properties.apiKey();
        return key == null || key.isBlank() ? message : message.replace(key, "***");
    }
}
