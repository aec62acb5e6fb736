package com.aimedia.gateway.callback.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.aimedia.gateway.callback.delivery.AttemptResult.NoResponse;
import com.aimedia.gateway.callback.delivery.AttemptResult.Responded;
import com.aimedia.gateway.callback.delivery.AttemptResult.TimedOut;

/**
 * Sends one signed webhook POST and reports what happened. The client never follows redirects; the whole exchange,
 * response body included, is bounded by the request timeout; only the first 1 KB of the response body is kept.
 */
final class WebhookSender {

    static final int RESPONSE_BODY_LIMIT = 1024;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final String userAgent;

    WebhookSender(HttpClient client, Duration requestTimeout, String userAgent) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
    }

    /** A request sent on its way but interrupted (shutdown): the attempt did not happen. */
    static final class AttemptInterruptedException extends RuntimeException {
        AttemptInterruptedException(InterruptedException cause) {
            super("interrupted during a webhook attempt", cause);
        }
    }

    /**
     * GAP (issue "webhooks"): {@code uri} was checked by the URL guard, which resolved the host and vetted every
     * address, but the JDK HttpClient resolves the host again when it connects. A DNS record that changes between
     * the two lookups (DNS rebinding) could still reach an address that was never checked. Closing the gap needs a
     * client that connects to the checked {@code CheckedUrl.addresses()} (a resolver hook, or a socket pinned to the
     * address with the original Host/SNI), or an egress proxy.
     */
    AttemptResult post(URI uri, String webhookId, long timestampSeconds, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", userAgent)
            .header("webhook-id", webhookId)
            .header("webhook-timestamp", Long.toString(timestampSeconds))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)))
            .build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                info -> new TruncatingBodySubscriber(RESPONSE_BODY_LIMIT));
        try {
            HttpResponse<String> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Responded(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            return new TimedOut(HttpTimeoutException.class.getSimpleName());
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new AttemptInterruptedException(e);
        }
        catch (ExecutionException e) {
            return noAnswer(e.getCause() == null ? e : e.getCause());
        }
    }

    private static AttemptResult noAnswer(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new TimedOut(cause.getClass().getSimpleName());
        }
        String message = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : "";
        return new NoResponse(cause.getClass().getSimpleName(), message);
    }
}
