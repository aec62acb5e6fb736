package com.aimedia.gateway.simulators.bfl;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One simulated BFL task. Its status is a pure function of the time since creation
 * ({@code Pending} for {@code queuedFor + runningFor}, then its final status), so a
 * stepped clock sees a deterministic progression.
 *
 * @param id the task id
 * @param model the model path it was created on ({@code flux-pro-1.1})
 * @param prompt the prompt, echoed in {@code result.prompt}
 * @param seed the seed, echoed in {@code result.seed}
 * @param outputFormat jpeg, png or webp
 * @param finalStatus the BFL status it ends in ({@code Ready}, {@code Content Moderated},
 * ...)
 * @param regional true when its {@code polling_url} names the regional host (only that
 * host knows it)
 * @param webhookUrl where to POST on completion, or null
 * @param webhookSecret the secret to sign the webhook with, or null
 */
record BflTask(String id, String model, String prompt, long seed, String outputFormat, Instant createdAt,
        Duration pendingFor, String finalStatus, boolean regional, @Nullable String webhookUrl,
        @Nullable String webhookSecret) {

    static final String PENDING = "Pending";
    static final String READY = "Ready";
    static final String ERROR = "Error";
    static final String REQUEST_MODERATED = "Request Moderated";
    static final String CONTENT_MODERATED = "Content Moderated";
    static final String TASK_NOT_FOUND = "Task not found";

    String status(Instant now) {
        return now.isBefore(finishesAt()) ? PENDING : finalStatus;
    }

    Instant finishesAt() {
        return createdAt.plus(pendingFor);
    }

    /** 0.0-1.0 while pending, as BFL's {@code progress}. */
    double progress(Instant now) {
        if (pendingFor.isZero()) {
            return 1.0;
        }
        double done = (double) Duration.between(createdAt, now).toMillis() / pendingFor.toMillis();
        return Math.max(0.0, Math.min(1.0, done));
    }

    boolean inFlight(Instant now) {
        return PENDING.equals(status(now));
    }
}
