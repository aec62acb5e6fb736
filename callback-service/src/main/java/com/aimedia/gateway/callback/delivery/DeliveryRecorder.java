package com.aimedia.gateway.callback.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aimedia.gateway.platform.retention.TaskRecordRetention;

/**
 * Records that a task version has to be delivered, and returns at once: the dispatcher
 * sends it. Idempotent: a version recorded twice changes nothing. A new version
 * supersedes the older versions still waiting; a version older than one already recorded
 * is recorded as superseded.
 */
public class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final DeliveryRepository repository;

    private final Clock clock;

    private final long maxBodyBytes;

    private final TaskRecordRetention retention;

    private final Runnable pendingRecorded;

    DeliveryRecorder(DeliveryRepository repository, Clock clock, long maxBodyBytes) {
        this(repository, clock, maxBodyBytes, TaskRecordRetention.keepForever(), () -> {
        });
    }

    /**
     * @param pendingRecorded told after a new pending delivery was recorded (the
     * dispatcher claims it at once)
     */
    DeliveryRecorder(DeliveryRepository repository, Clock clock, long maxBodyBytes, TaskRecordRetention retention,
            Runnable pendingRecorded) {
        this.repository = repository;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.retention = retention;
        this.pendingRecorded = pendingRecorded;
    }

    /**
     * A body over the size limit is recorded as {@code failed} with reason
     * {@code body_too_large} and never sent; it still supersedes older versions (the
     * receiver must not get an older state as if it were the latest).
     */
    public void record(NewDelivery delivery) {
        Instant now = clock.instant();
        boolean stale = repository.newerVersionExists(delivery.taskId(), delivery.version());
        boolean tooLarge = delivery.body().getBytes(StandardCharsets.UTF_8).length > maxBodyBytes;
        DeliveryState state = stale ? DeliveryState.SUPERSEDED
                : tooLarge ? DeliveryState.FAILED : DeliveryState.PENDING;
        AbandonReason abandoned = state == DeliveryState.FAILED ? AbandonReason.BODY_TOO_LARGE : null;
        boolean inserted = repository.insert(DeliveryDocuments.newDelivery(delivery,
                WebhookIds.of(delivery.taskId(), delivery.version()), hostOf(delivery.url()), state, abandoned, now,
                retention.expiresAt(delivery.tenantId(), now).orElse(null)));
        // also after a duplicate: a crash may have come between the insert and this
        // update
        long superseded = stale ? 0 : repository.supersedeOlderPending(delivery.taskId(), delivery.version(), now);
        log.info("webhook delivery recorded taskId={} version={} state={} new={} superseded={}", delivery.taskId(),
                delivery.version(), state.value(), inserted, superseded);
        if (inserted && state == DeliveryState.PENDING) {
            pendingRecorded.run();
        }
    }

    /**
     * The destination host, lowercase, for per-host limits; empty if the URL does not
     * parse (the guard refuses it).
     */
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
