package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation; an address matches only a network of its own
 * family.
 */
final class Cidr {

    private final byte[] network;

    private final int prefixLength;

    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code 10.0.0.0/8}, {@code ::1/128}, or a single address (a /32 or /128).
     */
    static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = parseAddress(addressPart, text);
        int maxPrefix = address.length * 8;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(trimmed.substring(slash + 1), text);
        if (prefix > maxPrefix) {
            throw invalid(text);
        }
        return new Cidr(address, prefix, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] parseAddress(String addressPart, String text) {
        if (addressPart.indexOf(':') >= 0) {
            try {
                return IpLiterals.ipv6(addressPart).getAddress();
            }
            catch (UnknownHostException e) {
                throw invalid(text);
            }
        }
        return IpLiterals.canonicalIpv4(addressPart).orElseThrow(() -> invalid(text)).getAddress();
    }

    private static int parsePrefix(String prefix, String text) {
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            throw invalid(text);
        }
        return Integer.parseInt(prefix);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "invalid network '" + text + "': expected CIDR notation like 127.0.0.0/8 or ::1/128");
    }

}
