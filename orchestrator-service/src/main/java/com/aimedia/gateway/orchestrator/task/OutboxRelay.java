package com.aimedia.gateway.orchestrator.task;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Re-publishes outbox entries left behind by a writer that crashed (or could not reach
 * Kafka) between its write and its publish. Finds them through the sparse
 * {@code outbox_since} index, so it never scans the collection.
 */
@Component
public class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final TaskStore store;

    private final Outbox outbox;

    private final OutboxProperties properties;

    private final Clock clock;

    private final AtomicLong pending = new AtomicLong();

    OutboxRelay(TaskStore store, Outbox outbox, OutboxProperties properties, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(OrchestratorMetrics.OUTBOX_PENDING, pending, AtomicLong::get)
            .description("Task documents with versions not yet published")
            .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                relay();
            }
            catch (RuntimeException e) {
                // MongoDB unreachable: readiness reports it; the next run tries again
                log.warn("outbox relay failed error={}", e.toString());
            }
        }, properties.relayInterval());
    }

    /**
     * @return how many entries were published
     */
    public int relay() {
        int published = 0;
        for (StoredTask task : store.findStaleOutboxes(clock.instant().minus(properties.relayAfter()),
                properties.batchSize())) {
            int count = outbox.flush(task);
            if (count > 0) {
                log.info("outbox relayed taskId={} entries={}", task.state().taskId(), count);
            }
            published += count;
        }
        pending.set(store.countPendingOutboxes());
        return published;
    }

}
