package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a client submitted, as far as the task record needs it: who owns the task and what
 * it runs.
 *
 * @param createdAt when the task was created (taken from the task id), millisecond
 * precision
 * @param metadata the client's metadata, echoed in every body; sorted by key, so every
 * renderer agrees on the order
 * @param webhookEvents which changes get a webhook ({@code queued}, {@code in_progress},
 * {@code completed}, {@code failed}, {@code progress}); null for every status change
 * @param videoSeconds the length of video the request asks for (usage), or null
 * @param traceParent the W3C trace context the submit was traced in (null when untraced):
 * what the orchestrator publishes for the task later, from a schedule, continues this
 * trace
 */
public record Submission(String tenantId, String model, String provider, String providerModel,
        @Nullable String callbackUrl, Instant createdAt, Map<String, String> metadata,
        @Nullable List<String> webhookEvents, @Nullable Integer videoSeconds, @Nullable String traceParent) {

    public Submission {
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        webhookEvents = webhookEvents == null ? null : List.copyOf(webhookEvents);
    }

    /** A submission without metadata, with the default webhook filter, not traced. */
    public Submission(String tenantId, String model, String provider, String providerModel,
            @Nullable String callbackUrl, Instant createdAt) {
        this(tenantId, model, provider, providerModel, callbackUrl, createdAt, Map.of(), null, null, null);
    }

    /**
     * A submission that was traced, without metadata and with the default webhook filter.
     */
    public Submission(String tenantId, String model, String provider, String providerModel,
            @Nullable String callbackUrl, Instant createdAt, @Nullable String traceParent) {
        this(tenantId, model, provider, providerModel, callbackUrl, createdAt, Map.of(), null, null, traceParent);
    }
}
