package com.aimedia.gateway.workers.provider.kling;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderException;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kling over HTTP (JDK {@link HttpClient}): mints a fresh JWT per request, applies the connect and read timeouts, and
 * turns every non-success answer into a classified {@link ProviderException}. Credentials only ever travel in the
 * {@code Authorization} header; they are scrubbed from any provider message that might echo them.
 */
final class KlingClient {

    private final KlingProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final KlingJwt jwt;
    private final HttpClient http;

    KlingClient(KlingProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.jwt = new KlingJwt(json);
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Creates a task; {@code body} is the family's create record ({@link KlingApi.CreateVideoRequest} or image). */
    KlingApi.TaskData create(String family, Record body) {
        HttpRequest.Builder request = request(KlingApi.path(family))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return exchange(request);
    }

    /** Queries one task by its Kling task id or by the {@code external_task_id} given at create time. */
    KlingApi.TaskData query(String family, String taskIdOrExternalId) {
        String segment = URLEncoder.encode(taskIdOrExternalId, StandardCharsets.UTF_8).replace("+", "%20");
        return exchange(request(KlingApi.path(family) + "/" + segment).GET());
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        String token = jwt.mint(required(properties.accessKey()), required(properties.secretKey()), clock.instant());
        return HttpRequest.newBuilder(URI.create(base + path))
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    }

    private KlingApi.TaskData exchange(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = send(builder.build());
        KlingApi.Envelope envelope = parse(response.body());
        int status = response.statusCode();
        Integer code = envelope == null ? null : envelope.code();
        boolean success = status >= 200 && status < 300 && code != null && code == 0;
        if (success && envelope.data() != null) {
            return envelope.data();
        }
        if (success) {
            throw new ProviderUnavailable("The provider answered success without task data.");
        }
        String message = envelope == null || envelope.message() == null ? "" : scrub(envelope.message());
        throw KlingErrorClassifier.classify(status, code, message, retryAfter(response));
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

    private KlingApi.@Nullable Envelope parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, KlingApi.Envelope.class);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
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
            throw new IllegalStateException("Kling credentials are not configured");
        }
        return value;
    }
}
