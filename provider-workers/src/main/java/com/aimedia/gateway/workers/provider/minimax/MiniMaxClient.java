package com.aimedia.gateway.workers.provider.minimax;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * MiniMax over HTTP with {@code Authorization: Bearer <key>}. An HTTP 200 is not a success: {@link #create} and
 * {@link #retrieve} throw on a non-zero {@code base_resp.status_code}; {@link #query} returns it, because a task that
 * ended {@code Fail} carries its reason there and is a result, not an error of the call.
 */
final class MiniMaxClient {

    private final MiniMaxProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    MiniMaxClient(MiniMaxProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    MiniMaxApi.CreateResponse create(MiniMaxApi.CreateRequest body) {
        HttpRequest.Builder request = request("/v1/video_generation").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        MiniMaxApi.CreateResponse answer = exchange(request, MiniMaxApi.CreateResponse.class,
                MiniMaxApi.CreateResponse::baseResp);
        throwIfError(answer.baseResp(), null);
        return answer;
    }

    MiniMaxApi.QueryResponse query(String taskId) {
        return exchange(request("/v1/query/video_generation?task_id=" + encode(taskId)).GET(),
                MiniMaxApi.QueryResponse.class, MiniMaxApi.QueryResponse::baseResp);
    }

    MiniMaxApi.RetrieveResponse retrieve(String fileId) {
        MiniMaxApi.RetrieveResponse answer = exchange(request("/v1/files/retrieve?file_id=" + encode(fileId)).GET(),
                MiniMaxApi.RetrieveResponse.class, MiniMaxApi.RetrieveResponse::baseResp);
        throwIfError(answer.baseResp(), null);
        return answer;
    }

    void throwIfError(MiniMaxApi.@Nullable BaseResp baseResp, @Nullable Duration retryAfter) {
        if (baseResp != null && !baseResp.ok()) {
            throw MiniMaxErrorClassifier.classify(200, baseResp.statusCode(),
                    baseResp.statusMsg() == null ? "" : scrub(baseResp.statusMsg()), retryAfter);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private <T> T exchange(HttpRequest.Builder builder, Class<T> type,
            Function<T, MiniMaxApi.@Nullable BaseResp> baseResp) {
        HttpResponse<byte[]> response = send(builder.build());
        Duration retryAfter = retryAfter(response);
        if (response.statusCode() != 200) {
            throw MiniMaxErrorClassifier.byHttpStatus(response.statusCode(), retryAfter);
        }
        T answer;
        try {
            answer = json.readValue(response.body(), type);
        }
        catch (JacksonException e) {
            throw new ProviderUnavailable("The provider answered with a body the gateway cannot read.");
        }
        MiniMaxApi.BaseResp base = baseResp.apply(answer);
        if (base != null && base.statusCode() != null && base.statusCode() == 1002) {
            // the only retryable refusal that carries timing; rethrown here so Retry-After is kept
            throwIfError(base, retryAfter);
        }
        return answer;
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

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d{1,9}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String scrub(String message) {
        String key = properties.apiKey();
        return key == null || key.isBlank() ? message : message.replace(key, "***");
    }
}
