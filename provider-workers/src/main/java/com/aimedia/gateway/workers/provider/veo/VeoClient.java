package com.aimedia.gateway.workers.provider.veo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Veo over HTTP. Gemini: {@code POST <base>/models/{model}:predictLongRunning} and
 * {@code GET <base>/{operation name}} with {@code x-goog-api-key}. Vertex: {@code POST
 * <vertex>/projects/{p}/locations/{l}/publishers/google/models/{m}: predictLongRunning}
 * and {@code :fetchPredictOperation} with {@code Authorization: Bearer <token>}.
 */
final class VeoClient {

    private final VeoProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    VeoClient(VeoProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    VeoApi.Operation submit(boolean vertex, String model, VeoApi.PredictRequest body) {
        if (!model.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidRequest("Invalid parameter: unknown Veo model");
        }
        String url = vertex ? vertexModel(model) + ":predictLongRunning"
                : gemini() + "/models/" + model + ":predictLongRunning";
        return exchange(vertex, url, json.writeValueAsBytes(body));
    }

    VeoApi.Operation get(boolean vertex, String operationName) {
        if (!operationName.matches("[A-Za-z0-9._/-]+") || operationName.contains("..")) {
            throw new InvalidRequest("Invalid parameter: malformed operation name");
        }
        if (!vertex) {
            return exchange(false, gemini() + "/" + operationName, null);
        }
        // the operation name is projects/../models/{m}/operations/{id};
        // fetchPredictOperation is called on its model
        int operations = operationName.indexOf("/operations/");
        String model = operations < 0 ? "" : operationName.substring(0, operations);
        return exchange(true, properties.vertexBase() + "/" + model + ":fetchPredictOperation",
                json.writeValueAsBytes(new VeoApi.FetchOperationRequest(operationName)));
    }

    /** What a result download needs: the same credential as the API. */
    Map<String, String> downloadHeaders(boolean vertex) {
        return vertex ? Map.of("Authorization", "Bearer " + properties.vertexAccessToken())
                : Map.of("x-goog-api-key", String.valueOf(properties.apiKey()));
    }

    private String gemini() {
        return ProviderHttp.base(properties.baseUrl());
    }

    private String vertexModel(String model) {
        return properties.vertexBase() + "/projects/" + properties.vertexProject() + "/locations/"
                + properties.vertexLocation() + "/publishers/google/models/" + model;
    }

    private VeoApi.Operation exchange(boolean vertex, String url, byte @Nullable [] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json");
        downloadHeaders(vertex).forEach(builder::header);
        if (body == null) {
            builder.GET();
        }
        else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = http.send(builder.build());
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return JsonBodies.readRequired(json, response.body(), VeoApi.Operation.class);
        }
        throw VeoErrorClassifier.classify(response.statusCode(), parseError(response.body()),
                RetryAfter.digits(response));
    }

    private VeoApi.@Nullable Status parseError(byte[] body) {
        try {
            VeoApi.ErrorBody parsed = json.readValue(body, VeoApi.ErrorBody.class);
            VeoApi.Status status = parsed.error();
            if (status == null || status.message() == null) {
                return status;
            }
            return new VeoApi.Status(status.code(), scrub(status.message()), status.status(), status.details());
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.apiKey(), properties.vertexAccessToken());
    }

}
