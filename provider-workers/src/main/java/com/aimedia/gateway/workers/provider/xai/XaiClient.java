package com.aimedia.gateway.workers.provider.xai;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * xAI over HTTP: Bearer key, no redirects, every non-2xx answer classified by
 * {@link XaiErrorClassifier}.
 */
final class XaiClient {

    private final XaiProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    XaiClient(XaiProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    XaiApi.ImageResponse generateImages(XaiApi.ImageRequest body) {
        return json.treeToValue(exchange(post("/images/generations", body)), XaiApi.ImageResponse.class);
    }

    XaiApi.VideoCreated createVideo(XaiApi.VideoRequest body) {
        return json.treeToValue(exchange(post("/videos/generations", body)), XaiApi.VideoCreated.class);
    }

    XaiApi.VideoStatus video(String requestId) {
        String segment = ProviderHttp.segment(requestId);
        return json.treeToValue(exchange(request("/videos/" + segment).GET()), XaiApi.VideoStatus.class);
    }

    private HttpRequest.Builder post(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private HttpRequest.Builder request(String path) {
        String root = ProviderHttp.base(properties.baseUrl());
        return HttpRequest.newBuilder(URI.create(root + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + properties.apiKey());
    }

    private JsonNode exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        JsonNode body = JsonBodies.treeOrNull(json, response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
                throw new ProviderUnavailable("The provider answered success with an unreadable body.");
            }
            return body;
        }
        throw XaiErrorClassifier.classify(status, body, RetryAfter.seconds(response));
    }

}
