package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A callback URL that passed every check.
 *
 * @param uri the parsed URL
 * @param host the host in lower case, without IPv6 brackets (use it for the Host header
 * and TLS SNI)
 * @param port the explicit port, or 80 / 443 by scheme
 * @param addresses every address the host resolved to, all checked; connect only to
 * these, never resolve again
 */
public record CheckedUrl(URI uri, String host, int port, List<InetAddress> addresses) {

    public CheckedUrl {
        addresses = List.copyOf(addresses);
    }
}
