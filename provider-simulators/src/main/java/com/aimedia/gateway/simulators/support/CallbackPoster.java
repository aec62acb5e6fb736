package com.aimedia.gateway.simulators.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs a provider's JSON callback (webhook) to the caller's URL. Only the transport is
 * shared: when to send, retries, signing headers and what a failure means stay with each
 * provider, so failures are thrown as {@link HttpClient} throws them (including
 * {@link IllegalArgumentException} for a malformed URL).
 */
public final class CallbackPoster implements AutoCloseable {

    private final HttpClient http;

    /** Connects within 2 s, as most simulated providers do. */
    public CallbackPoster() {
        this(Duration.ofSeconds(2));
    }

    public CallbackPoster(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * Sends {@code body} with {@code Content-Type: application/json} and the given extra
     * headers (name, value, name, value, ... in that order), waiting at most
     * {@code timeout} for the answer.
     */
    public HttpResponse<byte[]> post(String url, byte[] body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits for requests in flight, then releases the client's threads. */
    @Override
    public void close() {
        http.close();
    }

}
