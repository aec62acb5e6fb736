package com.aimedia.gateway.workers.outputs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;

import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * A resolver that knows one name only: the host of a checked URL, answered with exactly the addresses the URL guard
 * resolved and vetted. The download therefore connects to a checked address and never asks DNS again (no DNS
 * rebinding), while TLS still uses the host name for SNI and certificate verification. (callback-service has the
 * same class for webhooks; the two services share no HTTP client module.)
 */
final class PinnedDnsResolver implements DnsResolver {

    private final String host;
    private final List<InetAddress> addresses;

    PinnedDnsResolver(CheckedUrl url) {
        this.host = url.host();
        this.addresses = url.addresses();
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!normalize(name).equals(host)) {
            throw new UnknownHostException("only the checked output host may be resolved");
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
