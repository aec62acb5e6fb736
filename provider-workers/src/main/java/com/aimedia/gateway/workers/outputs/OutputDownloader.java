package com.aimedia.gateway.workers.outputs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.urlguard.PinnedDnsResolver;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.urlguard.RejectedUrlException;
import com.aimedia.gateway.urlguard.UnresolvedHostException;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Downloads a provider output the way webhooks are sent (docs/webhooks.md, "SSRF rules"),
 * because the URL comes from a provider answer that a tenant can shape (Replicate runs
 * any public model): the URL must name one of the provider's documented hosts where it
 * has a list, its host is resolved once and every address checked by the
 * {@link CallbackUrlGuard}, and the connection goes only to a checked address
 * ({@link PinnedDnsResolver}). Redirects are followed by hand, at most
 * {@code maxRedirects}, each hop checked again and never from https down to http.
 * Credential headers (Veo's {@code x-goog-api-key}) go only to the origin the provider
 * named, never to a host a redirect leads to. No proxy from system properties, no
 * cookies, no retries.
 *
 * <p>
 * Errors never carry what the gateway learned about the network: a refused address, a
 * refused connection, a timeout and an HTTP 404 all read the same to the tenant (the HTTP
 * status goes to the log only).
 */
final class OutputDownloader {

    static final String DOWNLOAD_FAILED = "The result could not be downloaded from the provider.";
    static final String LOCATION_REFUSED = "The provider named a result location the gateway does not download from "
            + "(only public internet addresses on the provider's documented hosts are fetched).";

    private static final Logger log = LoggerFactory.getLogger(OutputDownloader.class);

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final CallbackUrlGuard guard;

    private final PinnedGet http;

    private final Duration downloadTimeout;

    private final int maxRedirects;

    private final long maxBytes;

    OutputDownloader(CallbackUrlGuard guard, Duration connectTimeout, Duration downloadTimeout, int maxRedirects,
            long maxBytes) {
        this.guard = guard;
        this.http = new PinnedGet(connectTimeout, downloadTimeout);
        this.downloadTimeout = downloadTimeout;
        this.maxRedirects = maxRedirects;
        this.maxBytes = maxBytes;
    }

    /** An open download; closing it drops the connection. */
    static final class Download implements Closeable {

        private final InputStream body;

        private final @Nullable String contentType;

        private final Runnable release;

        private Download(InputStream body, @Nullable String contentType, Runnable release) {
            this.body = body;
            this.contentType = contentType;
            this.release = release;
        }

        InputStream body() {
            return body;
        }

        Optional<String> contentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public void close() {
            release.run();
        }

    }

    /**
     * @throws OutputRejectedException when the location is refused by the policy
     * (permanent)
     * @throws OutputUnavailableException when the download failed for any other reason
     * (may work on a later poll)
     */
    Download open(ProviderOutput.Remote remote, OutputHosts hosts) {
        URI first = remote.uri();
        if (!hosts.permits(first)) {
            log.warn("output download refused, host not documented for the provider host={}", first.getHost());
            throw new OutputRejectedException(LOCATION_REFUSED);
        }
        // one deadline for the whole download, redirects and body included: when it
        // passes, the request is aborted
        CompletableFuture<Void> deadline = new CompletableFuture<>();
        try {
            return follow(remote, deadline);
        }
        catch (RuntimeException e) {
            deadline.cancel(false);
            throw e;
        }
    }

    private Download follow(ProviderOutput.Remote remote, CompletableFuture<Void> deadline) {
        URI first = remote.uri();
        URI current = first;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            CheckedUrl checked = check(current);
            Map<String, String> headers = sameOrigin(first, current) ? remote.headers() : Map.of();
            PinnedGet.Exchange exchange = exchange(checked, headers, deadline);
            int status = exchange.status();
            if (status == 200) {
                return accept(exchange, deadline);
            }
            exchange.release();
            if (!REDIRECTS.contains(status)) {
                log.warn("output download answered with an error host={} status={}", current.getHost(), status);
                throw new OutputUnavailableException(DOWNLOAD_FAILED);
            }
            current = next(current, exchange.location());
        }
        log.warn("output download refused, too many redirects host={}", first.getHost());
        throw new OutputRejectedException(LOCATION_REFUSED);
    }

    private CheckedUrl check(URI url) {
        try {
            return guard.check(url.toString());
        }
        catch (UnresolvedHostException e) {
            log.warn("output download failed, host does not resolve host={}", url.getHost());
            throw new OutputUnavailableException(DOWNLOAD_FAILED);
        }
        catch (RejectedUrlException e) {
            log.warn("output download refused by the address guard host={} rule={}", url.getHost(), e.reason());
            throw new OutputRejectedException(LOCATION_REFUSED);
        }
    }

    private URI next(URI current, @Nullable String location) {
        URI next;
        try {
            next = location == null ? null : current.resolve(new URI(location));
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            next = null;
        }
        if (next == null) {
            throw new OutputUnavailableException(DOWNLOAD_FAILED);
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            log.warn("output download refused, redirect from https to another scheme host={}", current.getHost());
            throw new OutputRejectedException(LOCATION_REFUSED);
        }
        return next;
    }

    private Download accept(PinnedGet.Exchange exchange, CompletableFuture<Void> deadline) {
        HttpEntity entity = exchange.response().getEntity();
        if (entity == null) {
            exchange.release();
            throw new OutputUnavailableException(DOWNLOAD_FAILED);
        }
        if (entity.getContentLength() > maxBytes) {
            exchange.release();
            throw new OutputRejectedException(StoredOutputs.tooLarge(maxBytes));
        }
        try {
            InputStream body = entity.getContent();
            return new Download(body, entity.getContentType(), () -> {
                deadline.cancel(false);
                exchange.release();
            });
        }
        catch (IOException e) {
            exchange.release();
            throw new OutputUnavailableException(DOWNLOAD_FAILED, e);
        }
    }

    private PinnedGet.Exchange exchange(CheckedUrl url, Map<String, String> headers, CompletableFuture<Void> deadline) {
        try {
            return http.send(url, headers,
                    request -> deadline.completeOnTimeout(null, downloadTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .thenRun(request::cancel));
        }
        catch (IOException | RuntimeException e) {
            log.warn("output download failed host={} error={}", url.host(), e.getClass().getSimpleName());
            throw new OutputUnavailableException(DOWNLOAD_FAILED, e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

}
