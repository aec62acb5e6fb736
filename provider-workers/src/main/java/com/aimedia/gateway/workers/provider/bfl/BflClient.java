package com.aimedia.gateway.workers.provider.bfl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * BFL over HTTP: {@code x-key} on every call, redirects never followed (a redirect must not carry the key to another
 * host), every non-2xx answer classified by {@link BflErrorClassifier}. Callers decide which URLs may see the key
 * ({@link BflPollingUrls}).
 */
final class BflClient {

    private final BflProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    BflClient(BflProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code POST <base>/<model>} with the body as given. */
    BflApi.CreateResponse create(String model, ObjectNode body) {
        String root = properties.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder request = request(URI.create(root + "/" + model))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return json.treeToValue(exchange(request), BflApi.CreateResponse.class);
    }

    /** {@code GET <polling url>}; the caller has checked the URL may receive the key. */
    BflApi.ResultResponse result(URI pollingUrl) {
        return json.treeToValue(exchange(request(pollingUrl).GET()), BflApi.ResultResponse.class);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("x-key", String.valueOf(properties.apiKey()));
    }

    private JsonNode exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null && body.isObject()) {
            return body;
        }
        if (status >= 200 && status < 300) {
            throw new ProviderUnavailable("The provider answered success with an unreadable body.");
        }
        throw BflErrorClassifier.classify(status, body, retryAfter(response));
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
