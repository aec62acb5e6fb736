package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * What a client submitted, as far as the task record needs it: who owns the task and what it runs.
 * @param createdAt when the task was created (taken from the task id), millisecond precision
 * @param traceParent the W3C trace context the submit was traced in (null when untraced): what the orchestrator
 *        publishes for the task later, from a schedule, continues this trace
 */
public record Submission(String tenantId, String model, String provider, String providerModel,
        @Nullable String callbackUrl, Instant createdAt, @Nullable String traceParent) {

    public Submission {
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A submission that was not traced. */
    public Submission(String tenantId, String model, String provider, String providerModel,
            @Nullable String callbackUrl, Instant createdAt) {
        this(tenantId, model, provider, providerModel, callbackUrl, createdAt, null);
    }
}
