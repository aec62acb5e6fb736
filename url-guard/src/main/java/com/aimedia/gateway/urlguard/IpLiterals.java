package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever touching DNS. */
final class IpLiterals {

    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private IpLiterals() {
    }

    /**
     * The canonical dotted-quad form only: four decimal parts 0-255 without leading
     * zeros. Every other notation (a single number, hex, octal, fewer parts) is empty.
     */
    static Optional<InetAddress> canonicalIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!DECIMAL_OCTET.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(byAddress(bytes));
    }

    /**
     * An IPv6 literal without brackets and without a zone id. An IPv4-mapped literal
     * ({@code ::ffff:a.b.c.d}) comes back as the IPv4 address it maps, so it is checked
     * like one.
     */
    static InetAddress ipv6(String text) throws UnknownHostException {
        if (text.isEmpty() || text.indexOf(':') < 0 || text.indexOf('%') >= 0) {
            throw new UnknownHostException("not an IPv6 literal");
        }
        // the brackets make the JDK treat the text as a literal only: it never falls back
        // to a DNS lookup
        return InetAddress.getByName("[" + text + "]");
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes", e);
        }
    }

}
