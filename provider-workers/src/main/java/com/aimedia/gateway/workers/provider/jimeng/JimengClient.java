package com.aimedia.gateway.workers.provider.jimeng;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.http.JsonBodies;
import com.aimedia.gateway.workers.provider.http.ProviderHttp;
import com.aimedia.gateway.workers.provider.http.RetryAfter;
import com.aimedia.gateway.workers.provider.http.Secrets;

import tools.jackson.databind.json.JsonMapper;

/**
 * The VolcEngine visual API over HTTP: signs every request with {@link VolcSigner} (a
 * fresh {@code X-Date} each time), throws the gateway-level errors
 * ({@code ResponseMetadata.Error}) and hands business answers back with their HTTP
 * status, since a {@code code != 10000} means different things for a submit and for a
 * poll.
 */
final class JimengClient {

    private static final String CONTENT_TYPE = "application/json";

    private final JimengProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final VolcSigner signer;

    private final ProviderHttp http;

    JimengClient(JimengProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.signer = new VolcSigner(properties.region(), properties.service());
        this.http = new ProviderHttp(properties.connectTimeout());
    }

    /**
     * An answer that passed the gateway level: its HTTP status, the envelope, and any
     * Retry-After.
     */
    record Answer(int httpStatus, JimengApi.Envelope envelope, @Nullable Duration retryAfter) {

        int code() {
            return envelope.code() == null ? -1 : envelope.code();
        }

        String message() {
            return envelope.message() == null ? "" : envelope.message();
        }
    }

    Answer submit(JimengApi.SubmitRequest body) {
        return call(JimengApi.SUBMIT, json.writeValueAsBytes(body));
    }

    Answer getResult(JimengApi.GetResultRequest body) {
        return call(JimengApi.GET_RESULT, json.writeValueAsBytes(body));
    }

    private Answer call(String action, byte[] body) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Action", action);
        query.put("Version", properties.version());
        String base = ProviderHttp.base(properties.baseUrl());
        URI uri = URI.create(base + "/?" + VolcSigner.canonicalQuery(query));
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Map<String, String> headers = signer.sign(required(properties.accessKey()), required(properties.secretKey()),
                "POST", host, uri.getRawPath(), query, CONTENT_TYPE, body, clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(properties.readTimeout())
            .header("Accept", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build());
        Duration retryAfter = RetryAfter.seconds(response);
        JimengApi.Envelope envelope = JsonBodies.readOrNull(json, response.body(), JimengApi.Envelope.class);
        int status = response.statusCode();
        if (envelope != null && envelope.responseMetadata() != null && envelope.responseMetadata().error() != null) {
            JimengApi.MetadataError error = envelope.responseMetadata().error();
            throw JimengErrorClassifier.classifyMetadata(status, String.valueOf(error.code()),
                    scrub(String.valueOf(error.message())), retryAfter);
        }
        if (envelope == null || envelope.code() == null) {
            throw JimengErrorClassifier.byHttpStatus(status == 200 ? 502 : status, "an answer without a Jimeng code",
                    retryAfter);
        }
        return new Answer(status,
                new JimengApi.Envelope(envelope.code(), envelope.message() == null ? null : scrub(envelope.message()),
                        envelope.requestId(), envelope.data(), null),
                retryAfter);
    }

    private String scrub(String message) {
        return Secrets.scrub(message, properties.accessKey(), properties.secretKey());
    }

    private static String required(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Jimeng credentials are not configured");
        }
        return value;
    }

}
