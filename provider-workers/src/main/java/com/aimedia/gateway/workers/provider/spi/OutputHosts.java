package com.aimedia.gateway.workers.provider.spi;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a provider's result URLs may name, where the provider documents them
 * (Replicate's {@code replicate.delivery}, the Gemini Files API, BFL's delivery hosts). A
 * pattern is {@code host}, {@code host:port} or {@code *.domain} (any subdomain, not the
 * domain itself). An empty list admits any host: the address guard alone then decides, as
 * for providers whose result hosts are not documented.
 *
 * <p>
 * The list is checked against the URL the provider named, before anything is resolved;
 * every address the download reaches, redirect hops included, is checked by the SSRF
 * guard as well.
 */
public record OutputHosts(List<String> patterns) {

    public OutputHosts {
        patterns = patterns.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
    }

    /** No host list: any host the address guard admits. */
    public static OutputHosts any() {
        return new OutputHosts(List.of());
    }

    /**
     * The origin of a configured base URL (so a proxy or simulator there keeps working)
     * plus documented hosts.
     */
    public static OutputHosts of(URI base, String... documented) {
        List<String> patterns = new java.util.ArrayList<>(List.of(documented));
        if (base.getHost() != null) {
            patterns.add(base.getHost() + ":" + port(base));
        }
        return new OutputHosts(patterns);
    }

    public boolean restricted() {
        return !patterns.isEmpty();
    }

    public boolean permits(URI url) {
        return patterns.isEmpty() || listed(url);
    }

    /**
     * Whether the URL's host (and port) matches one of the patterns; an empty list
     * matches nothing.
     */
    public boolean listed(URI url) {
        if (url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = port(url);
        return patterns.stream().anyMatch(pattern -> matches(pattern, host, port));
    }

    private static boolean matches(String pattern, String host, int port) {
        String hostPattern = pattern;
        int colon = pattern.lastIndexOf(':');
        if (colon > 0 && pattern.indexOf(']') < colon) {
            hostPattern = pattern.substring(0, colon);
            if (!pattern.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
        }
        if (hostPattern.startsWith("*.")) {
            String suffix = hostPattern.substring(1);
            return host.endsWith(suffix) && host.length() > suffix.length();
        }
        return host.equals(hostPattern);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }
}
