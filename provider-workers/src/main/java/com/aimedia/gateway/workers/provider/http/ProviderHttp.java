package com.aimedia.gateway.workers.provider.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;

/**
 * One JDK {@link HttpClient} per provider client, and the one way a provider call fails
 * in transport: a timeout is a {@link ProviderTimeout}, anything else unreachable is a
 * {@link ProviderUnavailable}; both are retryable.
 */
public final class ProviderHttp {

    private final HttpClient http;

    /**
     * Redirects are never followed: a redirect must not carry a provider credential to
     * another host.
     */
    public ProviderHttp(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /**
     * Sends and reads the whole body; the read timeout is the request's own
     * ({@link HttpRequest.Builder#timeout}).
     */
    public HttpResponse<byte[]> send(HttpRequest request) {
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

    /**
     * The configured base URL without trailing slashes, ready for a path starting with
     * {@code /}.
     */
    public static String base(URI baseUrl) {
        return baseUrl.toString().replaceAll("/+$", "");
    }

    /**
     * A path segment for an id the provider chose: URL-encoded, with a space as
     * {@code %20} rather than {@code +}.
     */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
