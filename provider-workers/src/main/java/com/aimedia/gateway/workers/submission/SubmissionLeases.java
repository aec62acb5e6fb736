package com.aimedia.gateway.workers.submission;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this process's submission leases alive while their provider calls run: every
 * third of the lease, one update extends all of them. A killed process stops renewing, so
 * its attempts are free again within one lease.
 */
final class SubmissionLeases implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubmissionLeases.class);

    private final SubmissionStore store;

    private final Clock clock;

    private final Duration lease;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private volatile @Nullable ScheduledExecutorService renewer;

    SubmissionLeases(SubmissionStore store, Clock clock, Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
    }

    /** Runs one attempt with its lease kept alive. */
    void holding(String taskId, Runnable attempt) {
        inFlight.add(taskId);
        try {
            attempt.run();
        }
        finally {
            inFlight.remove(taskId);
        }
    }

    void renew() {
        List<String> taskIds = List.copyOf(inFlight);
        try {
            store.renewLeases(taskIds, clock.instant());
        }
        catch (RuntimeException e) {
            // MongoDB unreachable: the next renewal tries again; a lease that runs out
            // only lets a redelivery in
            log.warn("submission leases not renewed count={} error={}", taskIds.size(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("submission-leases").daemon().factory());
        long period = Math.max(1, lease.toMillis() / 3);
        started.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
        renewer = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = renewer;
        if (running != null) {
            running.shutdownNow();
            renewer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return renewer != null;
    }

}
