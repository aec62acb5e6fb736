package com.aimedia.gateway.callback.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that a task version has to be delivered, and returns at once: the dispatcher sends it. Idempotent: a
 * version recorded twice changes nothing. A new version supersedes the older versions still waiting; a version older
 * than one already recorded is recorded as superseded.
 */
public class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final DeliveryRepository repository;
    private final Clock clock;

    DeliveryRecorder(DeliveryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(NewDelivery delivery) {
        Instant now = clock.instant();
        boolean stale = repository.newerVersionExists(delivery.taskId(), delivery.version());
        DeliveryState state = stale ? DeliveryState.SUPERSEDED : DeliveryState.PENDING;
        boolean inserted = repository.insert(DeliveryDocuments.newDelivery(delivery,
                WebhookIds.of(delivery.taskId(), delivery.version()), hostOf(delivery.url()), state, now));
        // also after a duplicate: a crash may have come between the insert and this update
        long superseded = stale ? 0 : repository.supersedeOlderPending(delivery.taskId(), delivery.version(), now);
        log.info("webhook delivery recorded taskId={} version={} state={} new={} superseded={}", delivery.taskId(),
                delivery.version(), state.value(), inserted, superseded);
    }

    /** The destination host, lowercase, for per-host limits; empty if the URL does not parse (the guard refuses it). */
    static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        catch (URISyntaxException e) {
            return "";
        }
    }
}
