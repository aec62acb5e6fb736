package com.aimedia.gateway.orchestrator.polling;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.orchestrator.task.PollingPolicy;

/**
 * When to poll: the first poll one interval after acceptance, then each delay
 * {@code backoffMultiplier} times the one before, capped at {@code maxInterval}, and
 * never later than the task's deadline. Before the acceptance, submission checks: each
 * twice as long after the one before, from {@code acceptanceCheck} up to
 * {@code maxAcceptanceCheckInterval}. Pure: no clock, no I/O.
 */
@Component
class PollSchedule implements PollingPolicy {

    private final PollingProperties properties;

    PollSchedule(PollingProperties properties) {
        this.properties = properties;
    }

    @Override
    public Duration firstPollDelay(String provider) {
        PollingProperties.ProviderPolling override = properties.providers().get(provider);
        Duration interval = override == null ? null : override.interval();
        return interval != null ? interval : properties.defaultInterval();
    }

    @Override
    public Duration acceptanceCheckDelay(String provider) {
        return properties.acceptanceCheck();
    }

    @Override
    public Duration deadline(String provider) {
        PollingProperties.ProviderPolling override = properties.providers().get(provider);
        Duration deadline = override == null ? null : override.deadline();
        return deadline != null ? deadline : properties.deadline();
    }

    /**
     * The delay after the given poll (1 for the first): interval * multiplier^attempt, at
     * most maxInterval.
     */
    Duration delayAfter(String provider, int attempt) {
        double millis = firstPollDelay(provider).toMillis() * Math.pow(properties.backoffMultiplier(), attempt);
        long max = properties.maxInterval().toMillis();
        return Duration.ofMillis(millis >= max ? max : Math.round(millis));
    }

    /**
     * The delay after the given submission check (1 for the first): acceptanceCheck *
     * 2^attempt, at most maxAcceptanceCheckInterval.
     */
    Duration checkDelayAfter(int attempt) {
        Duration max = properties.maxAcceptanceCheckInterval();
        Duration delay = properties.acceptanceCheck();
        for (int doubled = 0; doubled < attempt && delay.compareTo(max) < 0; doubled++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * When to look at a task again after claiming its given poll (or, not accepted yet,
     * submission check) at {@code now}.
     */
    Instant nextPollAt(String provider, boolean accepted, Instant now, int attempt, @Nullable Instant deadlineAt) {
        Instant next = now.plus(accepted ? delayAfter(provider, attempt) : checkDelayAfter(attempt));
        return deadlineAt != null && deadlineAt.isBefore(next) && deadlineAt.isAfter(now) ? deadlineAt : next;
    }

}
