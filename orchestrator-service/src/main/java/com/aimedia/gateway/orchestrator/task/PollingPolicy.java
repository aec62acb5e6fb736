package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;

/**
 * The per-provider polling timing the state machine needs; the polling feature implements
 * it from configuration.
 */
public interface PollingPolicy {

    /** How long after the provider accepted a task it is polled for the first time. */
    Duration firstPollDelay(String provider);

    /**
     * How long after creation a task the provider has not been seen to accept waits
     * before the workers are asked what became of its submission (an acceptance report
     * lost in a crash must not leave the task waiting for its deadline).
     */
    Duration acceptanceCheckDelay(String provider);

    /**
     * How long after creation a task of this provider may run before the orchestrator
     * fails it.
     */
    Duration deadline(String provider);

}
