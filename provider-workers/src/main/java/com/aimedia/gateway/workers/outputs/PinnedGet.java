package com.aimedia.gateway.workers.outputs;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.urlguard.PinnedHttpClients;
import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * One GET to a checked URL, on its own connection whose resolver answers only the checked
 * host with the checked addresses ({@link PinnedDnsResolver}); https keeps SNI and
 * hostname verification. No redirects, no retries, no cookies, no decompression, no proxy
 * from system properties.
 */
final class PinnedGet {

    private final PinnedHttpClients clients;

    PinnedGet(Duration connectTimeout, Duration readTimeout) {
        this.clients = new PinnedHttpClients(connectTimeout, readTimeout);
    }

    /**
     * A request and its response headers; {@link #release()} aborts the connection and
     * closes the client.
     */
    record Exchange(HttpGet request, ClassicHttpResponse response, CloseableHttpClient client) {

        int status() {
            return response.getCode();
        }

        @Nullable String location() {
            Header header = response.getFirstHeader("Location");
            return header == null ? null : header.getValue();
        }

        void release() {
            // aborting drops the connection instead of draining the rest of a possibly
            // huge answer
            request.cancel();
            try {
                response.close();
                client.close();
            }
            catch (IOException | RuntimeException e) {
                // the download is over either way
            }
        }
    }

    /**
     * Sends the request; {@code onRequest} receives it first (to cancel it at a
     * deadline).
     * @throws IOException when no response arrived
     */
    Exchange send(CheckedUrl url, Map<String, String> headers, Consumer<HttpGet> onRequest) throws IOException {
        HttpGet request = new HttpGet(url.uri());
        headers.forEach(request::setHeader);
        onRequest.accept(request);
        CloseableHttpClient client = clients.forUrl(url);
        try {
            HttpHost target = new HttpHost(url.uri().getScheme().toLowerCase(Locale.ROOT), url.host(), url.port());
            return new Exchange(request, client.executeOpen(target, request, null), client);
        }
        catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

}
