package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;

/**
 * A resolver that knows one name only: the host of a checked URL, answered with exactly
 * the addresses the URL guard resolved and vetted. The HTTP client therefore connects to
 * a checked address and never asks DNS again (no DNS rebinding), while TLS still uses the
 * host name for SNI and certificate verification. For Apache HttpClient 5, which both
 * webhook delivery and output downloads use (an optional dependency of this module).
 */
public final class PinnedDnsResolver implements DnsResolver {

    private final String host;

    private final List<InetAddress> addresses;

    public PinnedDnsResolver(CheckedUrl url) {
        this.host = url.host();
        this.addresses = url.addresses();
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!normalize(name).equals(host)) {
            throw new UnknownHostException("only the checked host may be resolved");
        }
        return addresses.toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String name) throws UnknownHostException {
        resolve(name);
        return host;
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

}
