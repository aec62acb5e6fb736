package com.aimedia.gateway.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * When a link is signed and until when it works. Both are rounded to the start of the
 * current period, so every reader in the same period produces the same link: the webhook
 * body and a GET of the same state are the same bytes, and a CDN caches one URL per
 * period instead of one per request.
 *
 * @param signedAt the start of the current period
 * @param expiresAt {@code signedAt + ttl}, but never after the end of retention
 */
public record LinkWindow(Instant signedAt, Instant expiresAt) {

    public static LinkWindow of(Instant now, StorageProperties.Links links, Instant retentionEnd) {
        long period = links.granularity().toMillis();
        Instant signedAt = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
        Instant expiresAt = signedAt.plus(links.ttl());
        return new LinkWindow(signedAt, expiresAt.isAfter(retentionEnd) ? retentionEnd : expiresAt);
    }

    /**
     * How long the link works from its signing time; at least a second, as SigV4
     * requires.
     */
    public Duration validity() {
        Duration validity = Duration.between(signedAt, expiresAt);
        return validity.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : validity;
    }
}
