package com.aimedia.gateway.workers.provider.wan;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;

import tools.jackson.databind.json.JsonMapper;

/**
 * DashScope over HTTP: {@code Authorization: Bearer}, and
 * {@code X-DashScope-Async: enable} on every submit (HTTP calls to these endpoints must
 * be asynchronous). Any answer with a top-level {@code code}, or no {@code output}, is an
 * error.
 */
final class WanClient {

    private final WanProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    WanClient(WanProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    WanApi.Output submit(String kind, WanApi.SubmitRequest body) {
        String path = WanApi.IMAGE.equals(kind) ? WanApi.IMAGE_SYNTHESIS : WanApi.VIDEO_SYNTHESIS;
        return exchange(request(path).header("Content-Type", "application/json")
            .header("X-DashScope-Async", "enable")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    WanApi.Output task(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        return exchange(request(WanApi.TASKS + segment).GET());
    }

    /**
     * {@code POST /api/v1/tasks/{id}/cancel}: only a PENDING task; anything else is
     * refused (400).
     */
    void cancel(String taskId) {
        String segment = ProviderHttp.segment(taskId);
        HttpResponse<byte[]> response = http
            .send(request(WanApi.TASKS + segment + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build());
        WanApi.Envelope envelope = JsonBodies.readOrNull(json, response.body(), WanApi.Envelope.class);
        String code = envelope == null ? null : envelope.code();
        int status = response.statusCode();
        if (status >= 200 && status < 300 && (code == null || code.isBlank())) {
            return;
        }
        String message = envelope == null || envelope.message() == null ? "" : scrub(envelope.message());
        throw WanErrorClassifier.classify(status >= 200 && status < 300 ? 502 : status, code, message,
                RetryAfter.seconds(response));
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
        if (properties.workspace() != null && !properties.workspace().isBlank()) {
            builder.header("X-DashScope-WorkSpace", properties.workspace());
        }
        return builder;
    }

    private WanApi.Output exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        int status = response.statusCode();
        WanApi.Envelope envelope = JsonBodies.readOrNull(json, response.body(), WanApi.Envelope.class);
        boolean hasError = envelope == null || (envelope.code() != null && !envelope.code().isBlank());
        if (status >= 200 && status < 300 && !hasError && envelope != null && envelope.output() != null) {
            return envelope.output();
        }
        String code = envelope == null ? null : envelope.code();
        String message = envelope == null || envelope.message() == null ? "" : scrub(envelope.message());
        int effective = status >= 200 && status < 300 && (code == null || code.isBlank()) ? 502 : status;
        throw WanErrorClassifier.classify(effective, code, message, RetryAfter.seconds(response));
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey());
    }

}
