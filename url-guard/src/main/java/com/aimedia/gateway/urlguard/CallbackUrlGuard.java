package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a user-supplied callback URL against SSRF (docs/webhooks.md, "SSRF rules"). A
 * URL passes only if it is an absolute http(s) URL of at most {@value #MAX_LENGTH}
 * characters, without user info, whose host is written in a plain form and resolves
 * (once) to addresses that are all public, or inside one of the explicitly allowed
 * networks. The caller must connect only to {@link CheckedUrl#addresses()}, never resolve
 * the host again, and must not follow redirects.
 */
public final class CallbackUrlGuard {

    public static final int MAX_LENGTH = 2048;

    private final List<Cidr> allowedNetworks;

    private final HostResolver resolver;

    /**
     * @param allowedNetworks CIDRs admitted despite the rules, e.g. {@code 127.0.0.0/8}
     * and {@code ::1/128} for local tests; empty in production
     * @param resolver how host names are resolved
     * @throws IllegalArgumentException if a network is not in CIDR notation
     */
    public CallbackUrlGuard(List<String> allowedNetworks, HostResolver resolver) {
        this.allowedNetworks = allowedNetworks.stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /**
     * @throws UnresolvedHostException if the host name does not resolve (possibly
     * temporary)
     * @throws RejectedUrlException with a reason the API user understands, for every
     * other refusal (permanent)
     */
    public CheckedUrl check(String url) {
        URI uri = parse(url);
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new RejectedUrlException("callback_url must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null || authority.indexOf('@') >= 0) {
            throw new RejectedUrlException("callback_url must not contain user name or password");
        }
        ParsedHost host = HostParser.parse(hostPart(authority));
        if (uri.getHost() == null) {
            throw new RejectedUrlException("callback_url host is not a valid host name");
        }
        int port = port(uri);
        List<InetAddress> addresses = addressesOf(host);
        for (InetAddress address : addresses) {
            if (!isAdmitted(address)) {
                throw new RejectedUrlException(
                        "callback_url must point to a public internet address; private, loopback, link-local and reserved addresses are not allowed");
            }
        }
        return new CheckedUrl(uri, host.host(), port, addresses);
    }

    private static URI parse(String url) {
        if (url.isBlank()) {
            throw new RejectedUrlException("callback_url must not be empty");
        }
        if (url.length() > MAX_LENGTH) {
            throw new RejectedUrlException("callback_url must be at most " + MAX_LENGTH + " characters long");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw new RejectedUrlException("callback_url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RejectedUrlException("callback_url must use http or https");
        }
        return uri;
    }

    /**
     * The host as written: the authority without a port (user info was refused before).
     */
    private static String hostPart(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static int port(URI uri) {
        int port = uri.getPort();
        if (port == -1) {
            return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        }
        if (port < 1 || port > 65535) {
            throw new RejectedUrlException("callback_url port must be between 1 and 65535");
        }
        return port;
    }

    private List<InetAddress> addressesOf(ParsedHost host) {
        return switch (host) {
            case ParsedHost.Literal literal -> List.of(literal.address());
            case ParsedHost.Name name -> resolve(name.host());
        };
    }

    private List<InetAddress> resolve(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException e) {
            throw new UnresolvedHostException();
        }
        if (addresses.isEmpty()) {
            throw new UnresolvedHostException();
        }
        return addresses;
    }

    private boolean isAdmitted(InetAddress address) {
        return allowedNetworks.stream().anyMatch(network -> network.contains(address))
                || AddressPolicy.isPublic(address);
    }

}
