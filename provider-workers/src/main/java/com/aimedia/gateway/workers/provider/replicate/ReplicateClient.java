package com.aimedia.gateway.workers.provider.replicate;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Replicate over HTTP: Bearer token, no redirects, every non-2xx answer classified. */
final class ReplicateClient {

    private final ReplicateProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    ReplicateClient(ReplicateProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Official models without a version use the model endpoint; a version uses {@code POST /predictions}. */
    ReplicateApi.Prediction create(ReplicateModelRef model, ReplicateApi.CreatePrediction body) {
        String path = model.version() == null
                ? "/models/" + segment(model.owner()) + "/" + segment(model.name()) + "/predictions"
                : "/predictions";
        long wait = properties.syncWaitSeconds();
        HttpRequest.Builder request = request(path, properties.readTimeout().plusSeconds(wait))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (wait > 0) {
            request.header("Prefer", "wait=" + wait);
        }
        return exchange(request);
    }

    ReplicateApi.Prediction get(String predictionId) {
        return exchange(request("/predictions/" + segment(predictionId), properties.readTimeout()).GET());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        String root = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(root + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiToken());
    }

    private ReplicateApi.Prediction exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
                throw new ProviderUnavailable("The provider answered success with an unreadable body.");
            }
            return json.treeToValue(body, ReplicateApi.Prediction.class);
        }
        String detail = body != null && body.path("detail").isString() ? body.path("detail").stringValue() : "";
        throw ReplicateErrorClassifier.classify(status, detail, retryAfter(response));
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
            return json.readTree(body);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            }
            catch (NumberFormatException notSeconds) {
                return null;
            }
        }).orElse(null);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
