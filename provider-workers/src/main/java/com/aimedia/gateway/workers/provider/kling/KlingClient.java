package com.aimedia.gateway.workers.provider.kling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;
import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Kling over HTTP (JDK {@link HttpClient}): mints a fresh JWT per request, applies the
 * connect and read timeouts, and turns every non-success answer into a classified
 * {@link ProviderException}. Credentials only ever travel in the {@code Authorization}
 * header; they are scrubbed from any provider message that might echo them.
 */
final class KlingClient {

    private final KlingProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final KlingJwt jwt;

    private final ProviderHttp http;

    KlingClient(KlingProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.jwt = new KlingJwt(json);
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    /**
     * Creates a task; {@code body} is the family's create record
     * ({@link KlingApi.CreateVideoRequest} or image).
     */
    KlingApi.TaskData create(String family, Record body) {
        HttpRequest.Builder request = request(KlingApi.path(family)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return exchange(request);
    }

    /**
     * Queries one task by its Kling task id or by the {@code external_task_id} given at
     * create time.
     */
    KlingApi.TaskData query(String family, String taskIdOrExternalId) {
        String segment = ProviderHttp.segment(taskIdOrExternalId);
        return exchange(request(KlingApi.path(family) + "/" + segment).GET());
    }

    private HttpRequest.Builder request(String path) {
        String base = ProviderHttp.base(properties.baseUrl());
        String token = jwt.mint(required(properties.accessKey()), required(properties.secretKey()), clock.instant());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    }

    private KlingApi.TaskData exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = http.send(builder.build());
        KlingApi.Envelope envelope = JsonBodies.readOrNull(json, response.body(), KlingApi.Envelope.class);
        int status = response.statusCode();
        Integer code = envelope == null ? null : envelope.code();
        boolean success = status >= 200 && status < 300 && code != null && code == 0;
        if (success && envelope != null && envelope.data() != null) {
            return envelope.data();
        }
        if (success) {
            throw new ProviderUnavailable("The provider answered success without task data.");
        }
        String message = envelope == null || envelope.message() == null ? "" : scrub(envelope.message());
        throw KlingErrorClassifier.classify(status, code, message, RetryAfter.secondsOrDate(response, clock));
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.accessKey(), properties.secretKey());
    }

    private static String required(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Kling credentials are not configured");
        }
        return value;
    }

}
