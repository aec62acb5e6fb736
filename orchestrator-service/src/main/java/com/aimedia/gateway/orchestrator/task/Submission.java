package com.aimedia.gateway.orchestrator.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * What a client submitted, as far as the task record needs it: who owns the task and what it runs.
 * @param createdAt when the task was created (taken from the task id), millisecond precision
 */
public record Submission(String tenantId, String model, String provider, String providerModel,
        @Nullable String callbackUrl, Instant createdAt) {

    public Submission {
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
