package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;

/** The per-provider polling timing the state machine needs; the polling feature implements it from configuration. */
public interface PollingPolicy {

    /** How long after the provider accepted a task it is polled for the first time. */
    Duration firstPollDelay(String provider);

    /** How long after creation a task of this provider may run before the orchestrator fails it. */
    Duration deadline(String provider);
}
