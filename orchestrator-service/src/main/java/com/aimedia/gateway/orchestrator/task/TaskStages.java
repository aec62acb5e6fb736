package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a task's time went, measured at the write that ends a stage: {@code queued}
 * (accepted by the gateway until the provider accepted the submit), {@code provider}
 * (until the worker reported the result, outputs already in the gateway's store) and
 * {@code stored} (until the orchestrator stored the final state). callback-service
 * measures the last stage, {@code webhook}. Each stage is measured once per task: only on
 * the write that first reaches it.
 */
final class TaskStages {

    static final String QUEUED = "queued";
    static final String PROVIDER = "provider";
    static final String STORED = "stored";

    record Measured(String stage, Duration duration) {
    }

    private TaskStages() {
    }

    static List<Measured> endedBy(@Nullable TaskState before, TaskState after, Instant storedAt) {
        List<Measured> ended = new ArrayList<>();
        Instant acceptedAt = after.pollingSince();
        if (acceptedAt != null && (before == null || before.pollingSince() == null) && after.submission() != null) {
            ended.add(new Measured(QUEUED, Duration.between(after.submission().createdAt(), acceptedAt)));
        }
        Instant finishedAt = after.completedAt();
        if (finishedAt != null && (before == null || !before.status().isTerminal())) {
            if (acceptedAt != null) {
                ended.add(new Measured(PROVIDER, Duration.between(acceptedAt, finishedAt)));
            }
            ended.add(new Measured(STORED, Duration.between(finishedAt, storedAt)));
        }
        return ended;
    }

}
