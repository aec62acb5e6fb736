package com.aimedia.gateway.workers.outputs;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.urlguard.PinnedDnsResolver;
import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * One GET to a checked URL, on its own connection whose resolver answers only the checked host with the checked
 * addresses ({@link PinnedDnsResolver}); https keeps SNI and hostname verification. No redirects, no retries, no
 * cookies, no decompression, no proxy from system properties.
 */
final class PinnedGet {

    private final Lookup<TlsSocketStrategy> tls;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    PinnedGet(Duration connectTimeout, Duration readTimeout) {
        this.tls = RegistryBuilder.<TlsSocketStrategy>create()
            .register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault())
            .build();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A request and its response headers; {@link #release()} aborts the connection and closes the client. */
    record Exchange(HttpGet request, ClassicHttpResponse response, CloseableHttpClient client) {

        int status() {
            return response.getCode();
        }

        @Nullable String location() {
            Header header = response.getFirstHeader("Location");
            return header == null ? null : header.getValue();
        }

        void release() {
            // aborting drops the connection instead of draining the rest of a possibly huge answer
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
     * Sends the request; {@code onRequest} receives it first (to cancel it at a deadline).
     * @throws IOException when no response arrived
     */
    Exchange send(CheckedUrl url, Map<String, String> headers, Consumer<HttpGet> onRequest)
            throws IOException {
        HttpGet request = new HttpGet(url.uri());
        headers.forEach(request::setHeader);
        onRequest.accept(request);
        CloseableHttpClient client = client(url);
        try {
            HttpHost target = new HttpHost(url.uri().getScheme().toLowerCase(Locale.ROOT), url.host(), url.port());
            return new Exchange(request, client.executeOpen(target, request, null), client);
        }
        catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private CloseableHttpClient client(CheckedUrl url) {
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, new PinnedDnsResolver(url), tls,
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .build());
        return HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setResponseTimeout(Timeout.of(readTimeout))
                .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .disableConnectionState()
            .build();
    }
}
