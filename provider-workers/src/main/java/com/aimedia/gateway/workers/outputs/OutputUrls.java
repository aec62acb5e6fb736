package com.aimedia.gateway.workers.outputs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.aimedia.gateway.workers.urls.UrlSigner;

/**
 * Signed, expiring download URLs of stored outputs: {@code <base>/files/<key>?expires=<unix s>&signature=...}. The
 * signature covers key and expiry, so neither can be changed.
 */
final class OutputUrls {

    static final String PATH = "/files/";
    private static final String PURPOSE = "output";

    private final URI baseUrl;
    private final UrlSigner signer;
    private final Duration ttl;
    private final Clock clock;

    OutputUrls(URI baseUrl, UrlSigner signer, Duration ttl, Clock clock) {
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.ttl = ttl;
        this.clock = clock;
    }

    String urlFor(String key) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + PATH + key + "?expires=" + expires + "&signature=" + signer.sign(PURPOSE, key + ":" + expires);
    }

    Access check(String key, long expires, String signature) {
        if (!signer.verify(PURPOSE, key + ":" + expires, signature)) {
            return Access.FORBIDDEN;
        }
        return clock.instant().isAfter(Instant.ofEpochSecond(expires)) ? Access.EXPIRED : Access.GRANTED;
    }

    enum Access {
        GRANTED, EXPIRED, FORBIDDEN
    }
}
