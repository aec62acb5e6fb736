package com.aimedia.gateway.urlguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A resolver with fixed answers that records every host it was asked about. */
final class FakeResolver implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new HashMap<>();

    final List<String> lookups = new ArrayList<>();

    FakeResolver answer(String host, String... addresses) {
        answers.put(host, java.util.Arrays.stream(addresses).map(FakeResolver::literal).toList());
        return this;
    }

    FakeResolver answer(String host, List<InetAddress> addresses) {
        answers.put(host, addresses);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<InetAddress> addresses = answers.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    static InetAddress literal(String address) {
        try {
            return address.indexOf(':') >= 0 ? IpLiterals.ipv6(address)
                    : IpLiterals.canonicalIpv4(address).orElseThrow();
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

}
