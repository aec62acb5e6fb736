package com.aimedia.gateway.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The public API as a client sees it: plain HTTP with a Bearer key. */
final class GatewayClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final String apiKey;

    GatewayClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    HttpResponse<String> submit(String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/task/submit"))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String taskId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/task/" + taskId))
            .header("Authorization", "Bearer " + apiKey)
            .GET());
    }

    HttpResponse<String> cancel(String taskId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/task/" + taskId + "/cancel"))
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> adminTenants() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1/tenants"))
            .header("Authorization", "Bearer " + apiKey)
            .GET());
    }

    HttpResponse<String> webhookSecret() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/webhooks/secret"))
            .header("Authorization", "Bearer " + apiKey)
            .GET());
    }

    HttpResponse<byte[]> download(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
