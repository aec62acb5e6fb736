package com.aimedia.gateway.callback.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.callback.delivery.AttemptResult.NoResponse;
import com.aimedia.gateway.callback.delivery.AttemptResult.Responded;
import com.aimedia.gateway.callback.delivery.AttemptResult.TimedOut;
import com.aimedia.gateway.urlguard.PinnedHttpClients;
import com.aimedia.gateway.platform.tracing.TaskTraces;
import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * Sends one signed webhook POST to a checked URL and reports what happened. Each attempt
 * gets its own connection whose resolver answers only the checked host with the checked
 * addresses ({@link PinnedDnsResolver}), so the socket goes to a vetted address; https
 * keeps SNI and hostname verification. Redirects are never followed, nothing is retried
 * transparently, no proxy from system properties is used. The whole attempt (connect,
 * send, response headers and the kept part of the body) is bounded by the request
 * timeout; only the first {@code responseBodyLimit} bytes of the answer are read, then
 * the connection is dropped.
 */
final class WebhookSender {

    private static final ContentType JSON = ContentType.create("application/json");

    private final PinnedHttpClients clients;

    private final Duration requestTimeout;

    private final String userAgent;

    private final int responseBodyLimit;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, String userAgent, int responseBodyLimit) {
        this.clients = new PinnedHttpClients(connectTimeout, requestTimeout);
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.responseBodyLimit = responseBodyLimit;
    }

    /**
     * A request sent on its way but interrupted (shutdown): the attempt did not happen.
     */
    static final class AttemptInterruptedException extends RuntimeException {

        AttemptInterruptedException(Throwable cause) {
            super("interrupted during a webhook attempt", cause);
        }

    }

    AttemptResult post(CheckedUrl url, String webhookId, long timestampSeconds, String signature, String body) {
        return post(url, webhookId, timestampSeconds, signature, body, null);
    }

    /**
     * @param traceParent sent as {@code traceparent}, so a receiver that traces joins the
     * task's trace
     */
    AttemptResult post(CheckedUrl url, String webhookId, long timestampSeconds, String signature, String body,
            @Nullable String traceParent) {
        HttpPost request = new HttpPost(url.uri());
        if (traceParent != null) {
            request.setHeader(TaskTraces.TRACEPARENT, traceParent);
        }
        request.setHeader("User-Agent", userAgent);
        request.setHeader("webhook-id", webhookId);
        request.setHeader("webhook-timestamp", Long.toString(timestampSeconds));
        request.setHeader("webhook-signature", signature);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            request.cancel();
        }, CompletableFuture.delayedExecutor(requestTimeout.toMillis(), TimeUnit.MILLISECONDS));
        try (CloseableHttpClient client = clients.forUrl(url)) {
            return exchange(client,
                    new HttpHost(url.uri().getScheme().toLowerCase(java.util.Locale.ROOT), url.host(), url.port()),
                    request);
        }
        catch (IOException | RuntimeException e) {
            if (timedOut.get() || e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
                return new TimedOut(
                        e instanceof ConnectTimeoutException ? "ConnectTimeoutException" : "HttpTimeoutException");
            }
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException) {
                throw new AttemptInterruptedException(e);
            }
            String message = e instanceof IOException && e.getMessage() != null ? e.getMessage() : "";
            return new NoResponse(e.getClass().getSimpleName(), message);
        }
        finally {
            deadline.cancel(false);
        }
    }

    private AttemptResult exchange(CloseableHttpClient client, HttpHost target, HttpPost request) throws IOException {
        CloseableHttpResponse response = client.execute(target, request);
        try {
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new Responded(response.getCode(), retryAfter == null ? null : retryAfter.getValue(),
                    truncatedBody(response.getEntity()));
        }
        finally {
            // aborting drops the connection instead of draining the rest of a possibly
            // huge answer
            request.cancel();
            closeQuietly(response);
        }
    }

    private String truncatedBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        return new String(in.readNBytes(responseBodyLimit), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(CloseableHttpResponse response) {
        try {
            response.close();
        }
        catch (IOException | RuntimeException e) {
            // the attempt's outcome is known; a failing close of an aborted exchange
            // changes nothing
        }
    }

}
