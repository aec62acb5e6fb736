package com.aimedia.gateway.workers.outputs;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the local store's retention sweeper every interval on one background thread (an S3
 * bucket deletes by its lifecycle rules, and no store has nothing to sweep).
 */
final class RetentionSweeps implements SmartLifecycle {

    private final ConfiguredStore configured;

    private final Duration interval;

    private final Clock clock;

    private @Nullable ScheduledExecutorService executor;

    RetentionSweeps(ConfiguredStore configured, Duration interval, Clock clock) {
        this.configured = configured;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (configured instanceof ConfiguredStore.Local local) {
            executor = Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("output-sweeper").daemon(true).factory());
            executor.scheduleWithFixedDelay(() -> local.sweeper().sweep(clock.instant()), 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

}
