package com.aimedia.gateway.orchestrator.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many polls are due and not yet claimed. A tick whose batch came back short knows
 * the number; a full batch means more wait, and counting them reads every due task (a
 * count has no limit: 100,000 documents when 100,000 tasks are due), so while batches
 * come back full the count runs at most once per {@link #COUNT_INTERVAL}, not on every
 * tick, and the gauge keeps the last count in between.
 */
final class PollBacklog {

    static final Duration COUNT_INTERVAL = Duration.ofSeconds(5);

    private final AtomicLong backlog = new AtomicLong();

    private Instant nextCount = Instant.MIN;

    PollBacklog(MeterRegistry registry) {
        Gauge.builder(OrchestratorMetrics.POLL_BACKLOG, backlog, AtomicLong::get)
            .description("Polls that are due and not yet claimed")
            .register(registry);
    }

    /**
     * Called by the scheduler's one thread at each tick.
     * @param found how many due polls this tick's batch held
     * @param batchSize the most a batch holds
     * @param count counts the due polls in MongoDB
     */
    void observe(Instant now, int found, int batchSize, LongSupplier count) {
        if (found < batchSize) {
            backlog.set(found);
            nextCount = Instant.MIN;
            return;
        }
        if (!now.isBefore(nextCount)) {
            backlog.set(count.getAsLong());
            nextCount = now.plus(COUNT_INTERVAL);
        }
    }

}
