package com.aimedia.gateway.urlguard;

import java.net.InetAddress;

/** The host part of a callback URL, classified before anything is resolved. */
sealed interface ParsedHost {

    /** Lower case, without IPv6 brackets. */
    String host();

    /** An IP address written in the URL: nothing to resolve. */
    record Literal(String host, InetAddress address) implements ParsedHost {
    }

    /** A DNS name in letter-digit-hyphen form, to be resolved once. */
    record Name(String host) implements ParsedHost {
    }

}
