package com.aimedia.gateway.workers.provider.jimeng;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VolcEngine visual API over HTTP: signs every request with {@link VolcSigner} (a fresh {@code X-Date} each time),
 * throws the gateway-level errors ({@code ResponseMetadata.Error}) and hands business answers back with their HTTP
 * status, since a {@code code != 10000} means different things for a submit and for a poll.
 */
final class JimengClient {

    private static final String CONTENT_TYPE = "application/json";

    private final JimengProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final VolcSigner signer;
    private final HttpClient http;

    JimengClient(JimengProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.signer = new VolcSigner(properties.region(), properties.service());
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer that passed the gateway level: its HTTP status, the envelope, and any Retry-After. */
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
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/?" + VolcSigner.canonicalQuery(query));
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Map<String, String> headers = signer.sign(required(properties.accessKey()), required(properties.secretKey()),
                "POST", host, uri.getRawPath(), query, CONTENT_TYPE, body, clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.readTimeout())
            .header("Accept", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = send(request.build());
        Duration retryAfter = retryAfter(response);
        JimengApi.Envelope envelope = parse(response.body());
        int status = response.statusCode();
        if (envelope != null && envelope.responseMetadata() != null && envelope.responseMetadata().error() != null) {
            JimengApi.MetadataError error = envelope.responseMetadata().error();
            throw JimengErrorClassifier.classifyMetadata(status, String.valueOf(error.code()),
                    scrub(String.valueOf(error.message())), retryAfter);
        }
        if (envelope == null || envelope.code() == null) {
            throw JimengErrorClassifier.byHttpStatus(status == 200 ? 502 : status, retryAfter,
                    " (an answer without a Jimeng code)");
        }
        return new Answer(status, new JimengApi.Envelope(envelope.code(),
                envelope.message() == null ? null : scrub(envelope.message()), envelope.requestId(), envelope.data(),
                null), retryAfter);
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

    private JimengApi.@Nullable Envelope parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, JimengApi.Envelope.class);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())))).orElse(null);
        }
        catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private String scrub(String message) {
        String result = message;
        for (String secret : new String[] { properties.accessKey(), properties.secretKey() }) {
            if (secret != null && !secret.isBlank()) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }

    private static String required(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Jimeng credentials are not configured");
        }
        return value;
    }
}
