package com.aimedia.gateway.urlguard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a callback may reach: public unicast only. IPv4 special-purpose ranges
 * are listed; IPv6 must be global unicast (2000::/3) outside its special-purpose blocks,
 * and IPv6 forms that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the
 * embedded address.
 */
final class AddressPolicy {

    private static final List<Cidr> NON_PUBLIC_V4 = cidrs("0.0.0.0/8", // "this network",
                                                                       // includes 0.0.0.0
            "10.0.0.0/8", // private
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8", // loopback
            "169.254.0.0/16", // link-local, includes the cloud metadata address
                              // 169.254.169.254
            "172.16.0.0/12", // private
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation (TEST-NET-1)
            "192.88.99.0/24", // 6to4 relay anycast
            "192.168.0.0/16", // private
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24", // documentation (TEST-NET-2)
            "203.0.113.0/24", // documentation (TEST-NET-3)
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved, includes the broadcast address 255.255.255.255

    /**
     * Everything outside is loopback, unspecified, ULA fc00::/7, link-local, multicast,
     * discard, SRv6, ...
     */
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

    private static final List<Cidr> NON_PUBLIC_V6 = cidrs("2001::/23", // IETF protocol
                                                                       // assignments,
                                                                       // includes Teredo
                                                                       // 2001::/32 (an
                                                                       // obfuscated IPv4
                                                                       // inside)
            "2001:db8::/32", // documentation
            "3fff::/20"); // documentation

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private AddressPolicy() {
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return NON_PUBLIC_V4.stream().noneMatch(cidr -> cidr.contains(address));
        }
        if (isIpv4Mapped(bytes) || NAT64.contains(address)) {
            return isPublic(IpLiterals.byAddress(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return isPublic(IpLiterals.byAddress(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return GLOBAL_UNICAST_V6.contains(address) && NON_PUBLIC_V6.stream().noneMatch(cidr -> cidr.contains(address));
    }

    /**
     * ::ffff:0:0/96; the JDK usually hands these back as IPv4 already, but a custom
     * resolver may not.
     */
    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Cidr> cidrs(String... texts) {
        return Arrays.stream(texts).map(Cidr::parse).toList();
    }

}
