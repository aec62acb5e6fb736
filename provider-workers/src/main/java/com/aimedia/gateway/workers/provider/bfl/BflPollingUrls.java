package com.aimedia.gateway.workers.provider.bfl;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;

/**
 * Decides whether a {@code polling_url} BFL returned may be called with the API key. BFL
 * says to poll the returned URL because it names the serving region, and its host can
 * differ from the submit host (docs/providers/bfl.md). Sending the key to whatever host
 * an answer names would hand it to anyone who can tamper with that answer (or with a
 * stored task reference), so the rule is: the URL must use https, or the base URL's own
 * scheme when that is http (a local simulator or proxy), must carry no user info, and its
 * host must be the base URL's origin or match one of the configured {@code polling-hosts}
 * ({@code *.bfl.ai} by default). Otherwise the task is polled at the configured base
 * ({@code <base>/get_result?id=<id>}), which is where the key is meant to go anyway.
 */
final class BflPollingUrls {

    private final URI base;

    private final OutputHosts pollingHosts;

    BflPollingUrls(URI base, List<String> patterns) {
        this.base = base;
        this.pollingHosts = new OutputHosts(patterns);
    }

    boolean trusted(@Nullable URI url) {
        if (url == null || url.getHost() == null || url.getRawUserInfo() != null || !url.isAbsolute()) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && "http".equalsIgnoreCase(base.getScheme()))) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = port(url);
        if (host.equalsIgnoreCase(base.getHost()) && port == port(base) && scheme.equalsIgnoreCase(base.getScheme())) {
            return true;
        }
        return pollingHosts.listed(url);
    }

    /** The configured fallback: {@code <base>/get_result?id=<id>}. */
    URI fallback(String taskId) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(
                root + "/get_result?id=" + java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }

}
