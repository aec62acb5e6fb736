package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes abandoned deliveries as dead letters. The abandonment and the fact that its
 * dead letter is still due are one document write ({@code dead_letter: pending}); this
 * relay publishes and then marks it published, so a crash in between publishes it again
 * (at least once) and nothing is lost.
 */
final class DeadLetterRelay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRelay.class);

    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final int MAX_PER_TICK = 100;

    private final DeliveryRepository repository;

    private final DeadLetterSink sink;

    private final CallbackMetrics metrics;

    private final Clock clock;

    DeadLetterRelay(DeliveryRepository repository, DeadLetterSink sink, CallbackMetrics metrics, Clock clock) {
        this.repository = repository;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes up to a bounded number of pending dead letters; returns how many. */
    int publishPending() {
        int published = 0;
        while (published < MAX_PER_TICK) {
            Instant now = clock.instant();
            Optional<Document> claimed = repository.claimDeadLetter(now, now.plus(LEASE));
            if (claimed.isEmpty()) {
                return published;
            }
            AbandonedDelivery abandoned = abandoned(claimed.get());
            if (abandoned.event().length > 0) {
                sink.publish(abandoned);
            }
            else {
                // recorded before events were kept with their delivery: nothing to
                // publish
                log.warn("webhook delivery abandoned without a stored event taskId={}", abandoned.taskId());
            }
            repository.deadLetterPublished(abandoned.deliveryId(), clock.instant());
            metrics.deadLettered(abandoned.reason());
            log.warn("webhook delivery dead-lettered taskId={} version={} reason={}", abandoned.taskId(),
                    abandoned.version(), abandoned.reason().value());
            published++;
        }
        return published;
    }

    private static AbandonedDelivery abandoned(Document document) {
        Binary event = document.get(DeliveryDocuments.EVENT, Binary.class);
        return new AbandonedDelivery(document.getString(DeliveryDocuments.ID),
                document.getString(DeliveryDocuments.TENANT_ID), document.getString(DeliveryDocuments.TASK_ID),
                document.get(DeliveryDocuments.VERSION, Number.class).longValue(),
                document.getString(DeliveryDocuments.STATE),
                AbandonReason.valueOf(document.getString(DeliveryDocuments.REASON).toUpperCase(java.util.Locale.ROOT)),
                document.get(DeliveryDocuments.ATTEMPT_COUNT, Number.class).intValue(),
                event == null ? new byte[0] : event.getData());
    }

}
