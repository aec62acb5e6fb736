package com.aimedia.gateway.orchestrator.polling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the scheduler asks of a provider's workers; {@code messaging} sends it on the
 * provider's {@code tasks.poll.<provider>} topic, returning once Kafka acknowledged it.
 */
public interface PollRequests {

    /** Ask the provider for the task's status. */
    void poll(String taskId, String provider, @Nullable String providerTaskId, @Nullable String providerRef,
            int attempt, Instant at);

    /**
     * Ask the workers what became of the task's submission (no acceptance was seen yet).
     */
    void submissionCheck(String taskId, String provider, Instant at);

    /**
     * Ask the workers to stop the task's provider job, or never to start it: the task
     * ended without it (past its deadline). Sent on {@code tasks.cancel} as an owner's
     * cancel is, so the workers stop it the same way; the orchestrator's own cancel
     * listener finds the task ended and changes nothing.
     */
    void stop(String taskId, String provider, String tenantId, Instant at);

}
