package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * BFL over HTTP: {@code x-key} on every call, redirects never followed (a redirect must
 * not carry the key to another host), every non-2xx answer classified by
 * {@link BflErrorClassifier}. Callers decide which URLs may see the key
 * ({@link BflPollingUrls}).
 */
final class BflClient {

    private final BflProperties properties;

    private final JsonMapper json;

    private final ProviderHttp http;

    BflClient(BflProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    /** {@code POST <base>/<model>} with the body as given. */
    BflApi.CreateResponse create(String model, ObjectNode body) {
        String root = ProviderHttp.base(properties.baseUrl());
        HttpRequest.Builder request = request(URI.create(root + "/" + model)).header("Content-Type", "application/json")
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
        HttpResponse<byte[]> response = http.send(builder.build());
        JsonNode body = JsonBodies.treeOrNull(json, response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null && body.isObject()) {
            return body;
        }
        if (status >= 200 && status < 300) {
            throw new ProviderUnavailable("The provider answered success with an unreadable body.");
        }
        throw BflErrorClassifier.classify(status, body, RetryAfter.seconds(response));
    }

}
