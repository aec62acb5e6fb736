package com.aimedia.gateway.callback.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The callback-service's metric names and tags, in one place. Tags take bounded values
 * only.
 */
public final class CallbackMetrics {

    /** Timer of webhook attempts; tags {@link #OUTCOME} and {@link #STATUS_CLASS}. */
    public static final String DELIVERIES = "gateway.callback.deliveries";

    /**
     * Timer of the last stage of a task's path, {@link #STAGE} = webhook: from recording
     * a change for delivery to the receiver's 2xx. The orchestrator publishes the earlier
     * stages under the same name.
     */
    public static final String TASK_STAGE = "gateway.task.stage";

    public static final String STAGE = "stage";
    static final String STAGE_WEBHOOK = "webhook";

    /** Gauge of deliveries waiting for an attempt (state pending). */
    public static final String BACKLOG = "gateway.callback.backlog";

    /** Counter of endpoints (URLs) disabled; tag {@link #REASON} = gone | failing. */
    public static final String ENDPOINTS_DISABLED = "gateway.callback.endpoints.disabled";

    /**
     * Counter of deliveries abandoned for good and published to the dead-letter topic;
     * tag {@link #REASON}.
     */
    public static final String DEAD_LETTERS = "gateway.callback.dead.letters";

    /** A bounded reason: gone | failing, or an {@link AbandonReason} value. */
    public static final String REASON = "reason";

    /** delivered | retrying | failed | gone | refused */
    public static final String OUTCOME = "outcome";

    /** 2xx | 3xx | 4xx | 5xx | timeout | error */
    public static final String STATUS_CLASS = "status.class";

    private final MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();

    CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(BACKLOG, backlog, AtomicLong::get)
            .description("Webhook deliveries waiting for an attempt")
            .register(registry);
    }

    void attempted(Outcome outcome, AttemptResult result, Duration latency) {
        Timer.builder(DELIVERIES)
            .description("Webhook delivery attempts")
            .tag(OUTCOME, outcome.tag())
            .tag(STATUS_CLASS, result.statusClass())
            .register(registry)
            .record(latency);
    }

    void delivered(Duration sinceRecorded) {
        Timer.builder(TASK_STAGE)
            .description("Time a task spent in one stage of its path")
            .tag(STAGE, STAGE_WEBHOOK)
            .register(registry)
            .record(sinceRecorded);
    }

    void endpointDisabled(String reason) {
        registry.counter(ENDPOINTS_DISABLED, REASON, reason).increment();
    }

    void deadLettered(AbandonReason reason) {
        registry.counter(DEAD_LETTERS, REASON, reason.value()).increment();
    }

    void backlog(long pending) {
        backlog.set(pending);
    }

}
