package com.aimedia.gateway.orchestrator.task;

import java.time.Duration;

/** The same polling timings for every provider, for tests. */
record FixedPollingPolicy(Duration firstPoll, Duration acceptanceCheck, Duration deadline) implements PollingPolicy {

    /** First poll after 5 s, acceptance check after 20 s, deadline 30 min. */
    static FixedPollingPolicy standard() {
        return new FixedPollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    @Override
    public Duration firstPollDelay(String provider) {
        return firstPoll;
    }

    @Override
    public Duration acceptanceCheckDelay(String provider) {
        return acceptanceCheck;
    }

    @Override
    public Duration deadline(String provider) {
        return deadline;
    }

}
