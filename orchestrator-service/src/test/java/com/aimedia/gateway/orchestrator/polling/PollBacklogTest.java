package com.aimedia.gateway.orchestrator.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.orchestrator.OrchestratorMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PollBacklogTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final PollBacklog backlog = new PollBacklog(registry);

    private final AtomicInteger counts = new AtomicInteger();

    @Test
    void should_report_the_batch_without_counting_when_the_batch_came_back_short() {
        backlog.observe(NOW, 7, 100, this::count);

        assertThat(gauge()).isEqualTo(7);
        assertThat(counts).hasValue(0);
    }

    @Test
    void should_count_at_most_once_per_interval_while_batches_come_back_full() {
        // when: full batches on ticks 100 ms apart, then one after the interval
        backlog.observe(NOW, 100, 100, this::count);
        backlog.observe(NOW.plusMillis(100), 100, 100, this::count);
        backlog.observe(NOW.plusMillis(200), 100, 100, this::count);
        backlog.observe(NOW.plus(PollBacklog.COUNT_INTERVAL), 100, 100, this::count);

        // then
        assertThat(counts).hasValue(2);
        assertThat(gauge()).isEqualTo(50_002);
    }

    @Test
    void should_count_again_at_once_when_a_full_batch_follows_a_short_one() {
        backlog.observe(NOW, 100, 100, this::count);
        backlog.observe(NOW.plusMillis(100), 3, 100, this::count);
        backlog.observe(NOW.plusMillis(200), 100, 100, this::count);

        assertThat(counts).hasValue(2);
        assertThat(gauge()).isEqualTo(50_002);
    }

    private long count() {
        return 50_000 + counts.incrementAndGet();
    }

    private double gauge() {
        return registry.get(OrchestratorMetrics.POLL_BACKLOG).gauge().value();
    }

}
