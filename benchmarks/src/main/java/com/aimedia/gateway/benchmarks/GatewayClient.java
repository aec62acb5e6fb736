package com.aimedia.gateway.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The requests the harness sends to the gateway's public API and to the bare baseline.
 */
final class GatewayClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");

    private final HttpClient client;

    private final String gatewayUrl;

    private final String apiKey;

    private final String bareUrl;

    GatewayClient(HttpClient client, String gatewayUrl, String apiKey, String bareUrl) {
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.apiKey = apiKey;
        this.bareUrl = bareUrl;
    }

    HttpRequest submit(String model, @Nullable String callbackUrl) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/task/submit"))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body(model, callbackUrl)))
            .build();
    }

    HttpRequest bareSubmit(String model) {
        return HttpRequest.newBuilder(URI.create(bareUrl + "/bare/submit"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body(model, null)))
            .build();
    }

    HttpRequest get(String taskId) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/task/" + taskId))
            .header("Authorization", "Bearer " + apiKey)
            .timeout(Duration.ofSeconds(30))
            .build();
    }

    HttpRequest bareGet(String taskId) {
        return HttpRequest.newBuilder(URI.create(bareUrl + "/bare/task/" + taskId))
            .timeout(Duration.ofSeconds(30))
            .build();
    }

    /** Submits and returns the new task's id. */
    String submitForId(String model, @Nullable String callbackUrl) {
        HttpResponse<String> response = send(submit(model, callbackUrl));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return field(ID, response.body());
    }

    /** The task's status as GET answers it. */
    String status(String taskId) {
        HttpResponse<String> response = send(get(taskId));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode() + ": " + response.body());
        }
        return field(STATUS, response.body());
    }

    static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected body: " + body);
        }
        return matcher.group(1);
    }

    static String idOf(String body) {
        return field(ID, body);
    }

    static String statusOf(String body) {
        return field(STATUS, body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(String model, @Nullable String callbackUrl) {
        String callback = callbackUrl == null ? "" : ",\"callback_url\":\"" + callbackUrl + "\"";
        return "{\"model\":\"" + model + "\",\"input\":{\"prompt\":\"a red fox running through fresh snow at dawn\"}"
                + callback + "}";
    }

}
