package com.aimedia.gateway.orchestrator.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;
import com.aimedia.gateway.orchestrator.polling.PollClaims.DuePoll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * How late the scheduler is: at each tick, how long ago the oldest due poll it found (not
 * yet claimed) was due. A backlog count says how many polls wait; this says for how long,
 * which is what a provider task whose result is ready feels.
 */
final class PollLag {

    private final AtomicLong lagMillis = new AtomicLong();

    PollLag(MeterRegistry registry) {
        TimeGauge.builder(OrchestratorMetrics.POLL_LAG, lagMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
            .description("How late the oldest due, unclaimed poll was at the last scheduler tick")
            .register(registry);
    }

    /**
     * @param due the due polls of this tick, oldest first (as {@link PollClaims#findDue}
     * returns them)
     */
    void observe(Instant now, List<DuePoll> due) {
        lagMillis.set(due.isEmpty() ? 0 : Math.max(0, Duration.between(due.getFirst().nextPollAt(), now).toMillis()));
    }

}
