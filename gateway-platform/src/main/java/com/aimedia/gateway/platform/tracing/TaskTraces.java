package com.aimedia.gateway.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * One trace per task, also where the work on a task is not caused by a message in hand:
 * the orchestrator's scheduled polls and its outbox relay, and callback-service's webhook
 * attempts, run from a schedule on a thread without any trace. Each keeps the task's W3C
 * {@code traceparent} (taken from the TaskSubmitted / TaskStatusChanged record it stored)
 * and continues it here, so the Kafka records and HTTP requests it sends carry the task's
 * trace id instead of starting a trace of their own.
 */
public final class TaskTraces {

    /**
     * The observation (and timer) of every continued step; the span is named after the
     * step.
     */
    public static final String OBSERVATION = "gateway.task.trace";

    /** The W3C trace context header, on Kafka records and HTTP requests alike. */
    public static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry observations;

    private final Tracer tracer;

    private final Propagator propagator;

    public TaskTraces(ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        this.observations = observations;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off (tests that start no tracing): runs everything as is. */
    public static TaskTraces none() {
        return new TaskTraces(ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * The trace context a Kafka record was published in, or null when its producer did
     * not trace.
     */
    public static @Nullable String traceParent(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * Runs the action in a span that continues the given trace (a child of that context),
     * so what it publishes or sends belongs to the task's trace. Without a trace context
     * the action runs as it would without this.
     * @param name the step, a constant (it is a metric tag)
     */
    public <T> T inTrace(@Nullable String traceParent, String name, Supplier<T> action) {
        if (traceParent == null || traceParent.isBlank()) {
            return action.get();
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(Map.of(TRACEPARENT, traceParent));
        context.setRemoteServiceName("task");
        // a receiver context is what makes the tracing handler take the parent from the
        // carrier, not from the
        // observation (if any) already open on this thread
        return Observation.createNotStarted(OBSERVATION, () -> context, observations)
            .contextualName(name)
            .lowCardinalityKeyValue("step", name)
            .observe(action);
    }

    public void inTrace(@Nullable String traceParent, String name, Runnable action) {
        inTrace(traceParent, name, () -> {
            action.run();
            return null;
        });
    }

    /**
     * The W3C trace context of the current span, to pass on by hand (an HTTP client
     * without instrumentation).
     */
    public @Nullable String currentTraceParent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, (map, key, value) -> {
            if (map != null) {
                map.put(key, value);
            }
        });
        return carrier.get(TRACEPARENT);
    }

}
