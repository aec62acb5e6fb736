package com.aimedia.gateway.workers.provider.minimax;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.HttpStatusClassifier;
import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;

import tools.jackson.databind.json.JsonMapper;

/**
 * MiniMax over HTTP with {@code Authorization: Bearer <key>}. An HTTP 200 is not a
 * success: {@link #create} and {@link #retrieve} throw on a non-zero
 * {@code base_resp.status_code}; {@link #query} returns it, because a task that ended
 * {@code Fail} carries its reason there and is a result, not an error of the call.
 */
final class MiniMaxClient {

    private final MiniMaxProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    MiniMaxClient(MiniMaxProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
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
        String base = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private <T> T exchange(HttpRequest.Builder builder, Class<T> type,
            Function<T, MiniMaxApi.@Nullable BaseResp> baseResp) {
        HttpResponse<byte[]> response = http.send(builder.build());
        Duration retryAfter = RetryAfter.digits(response);
        if (response.statusCode() != 200) {
            throw HttpStatusClassifier.classify(response.statusCode(), "", MiniMaxErrorClassifier.RATE_LIMITED,
                    retryAfter);
        }
        T answer = JsonBodies.readRequired(json, response.body(), type);
        MiniMaxApi.BaseResp base = baseResp.apply(answer);
        if (base != null && base.statusCode() != null && base.statusCode() == 1002) {
            // the only retryable refusal that carries timing; rethrown here so
            // Retry-After is kept
            throwIfError(base, retryAfter);
        }
        return answer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
