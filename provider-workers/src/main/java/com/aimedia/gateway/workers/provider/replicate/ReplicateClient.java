package com.aimedia.gateway.workers.provider.replicate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Replicate over HTTP: Bearer token, no redirects, every non-2xx answer classified. */
final class ReplicateClient {

    private final ReplicateProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    ReplicateClient(ReplicateProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    /**
     * Official models without a version use the model endpoint; a version uses
     * {@code POST /predictions}.
     */
    ReplicateApi.Prediction create(ReplicateModelRef model, ReplicateApi.CreatePrediction body) {
        String path = model.version() == null
                ? "/models/" + segment(model.owner()) + "/" + segment(model.name()) + "/predictions" : "/predictions";
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

    /**
     * {@code POST /predictions/{id}/cancel}: answers the prediction as it is after the
     * cancel.
     */
    ReplicateApi.Prediction cancel(String predictionId) {
        return exchange(request("/predictions/" + segment(predictionId) + "/cancel", properties.readTimeout())
            .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        String root = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(root + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiToken());
    }

    private ReplicateApi.Prediction exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        JsonNode body = JsonBodies.treeOrNull(json, response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
                throw new ProviderUnavailable("The provider answered success with an unreadable body.");
            }
            return json.treeToValue(body, ReplicateApi.Prediction.class);
        }
        String detail = body != null && body.path("detail").isString() ? body.path("detail").stringValue() : "";
        throw ReplicateErrorClassifier.classify(status, detail, RetryAfter.seconds(response));
    }

    private static String segment(String value) {
        return ProviderHttp.segment(value);
    }

}
