package com.aimedia.gateway.workers.provider.xai;

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

/** xAI over HTTP: Bearer key, no redirects, every non-2xx answer classified by {@link XaiErrorClassifier}. */
final class XaiClient {

    private final XaiProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    XaiClient(XaiProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    XaiApi.ImageResponse generateImages(XaiApi.ImageRequest body) {
        return json.treeToValue(exchange(post("/images/generations", body)), XaiApi.ImageResponse.class);
    }

    XaiApi.VideoCreated createVideo(XaiApi.VideoRequest body) {
        return json.treeToValue(exchange(post("/videos/generations", body)), XaiApi.VideoCreated.class);
    }

    XaiApi.VideoStatus video(String requestId) {
        String segment = URLEncoder.encode(requestId, StandardCharsets.UTF_8).replace("+", "%20");
        return json.treeToValue(exchange(request("/videos/" + segment).GET()), XaiApi.VideoStatus.class);
    }

    private HttpRequest.Builder post(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private HttpRequest.Builder request(String path) {
        String root = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(root + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private JsonNode exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
                throw new ProviderUnavailable("The provider answered success with an unreadable body.");
            }
            return body;
        }
        throw XaiErrorClassifier.classify(status, body, retryAfter(response));
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
}
