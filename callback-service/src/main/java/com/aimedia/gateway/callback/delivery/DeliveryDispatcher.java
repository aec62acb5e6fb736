package com.aimedia.gateway.callback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The delivery loop. Every tick it returns expired leases to pending, then claims due
 * deliveries one by one (an atomic findOneAndUpdate) while a global slot is free,
 * skipping hosts that already have {@code maxPerHost} attempts in flight, and runs each
 * attempt on its own virtual thread. The Kafka listener never waits for it. Every third
 * of a lease it renews the leases of the attempts still in flight, so a lease is short (a
 * killed process's deliveries are taken over within one lease) yet never runs out under a
 * slow but live attempt.
 *
 * <p>
 * Between ticks, a new pending delivery and an attempt that ended (freeing its slot and
 * its host) {@link #nudge} the loop to claim at once: otherwise a delivery waited up to a
 * tick to start, and one host got at most {@code maxPerHost} deliveries per tick however
 * fast it answered.
 */
final class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryRepository repository;

    private final DeliveryWorker worker;

    private final DeadLetterRelay deadLetters;

    private final CallbackMetrics metrics;

    private final Clock clock;

    private final CallbackProperties.Dispatch settings;

    private final Duration shutdownGrace;

    private final Semaphore slots;

    private final HostLimiter hosts;

    private volatile boolean running;

    private final AtomicBoolean nudged = new AtomicBoolean();

    private Instant nextBacklogCount = Instant.MIN;

    private Instant nextLeaseRenewal = Instant.MIN;

    private final Set<String> leasesInFlight = ConcurrentHashMap.newKeySet();

    private ScheduledExecutorService loop = newLoop();

    private ExecutorService attempts = newAttempts();

    DeliveryDispatcher(DeliveryRepository repository, DeliveryWorker worker, DeadLetterRelay deadLetters,
            CallbackMetrics metrics, Clock clock, CallbackProperties.Dispatch settings, Duration shutdownGrace) {
        this.repository = repository;
        this.worker = worker;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.shutdownGrace = shutdownGrace;
        this.slots = new Semaphore(settings.maxConcurrent());
        this.hosts = new HostLimiter(settings.maxPerHost());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (loop.isShutdown()) {
            loop = newLoop();
            attempts = newAttempts();
        }
        running = true;
        loop.scheduleWithFixedDelay(this::tick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        log.info("webhook dispatcher started tick={} maxConcurrent={} maxPerHost={}", settings.tick(),
                settings.maxConcurrent(), settings.maxPerHost());
    }

    @Override
    public synchronized void stop() {
        running = false;
        loop.shutdownNow();
        attempts.shutdown();
        try {
            if (!attempts.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                attempts.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            attempts.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * One pass of the loop; never throws, so that a MongoDB hiccup does not end the
     * schedule.
     */
    void tick() {
        try {
            Instant now = clock.instant();
            renewLeases(now);
            long expired = repository.releaseExpiredLeases(now);
            if (expired > 0) {
                log.warn("webhook leases expired, deliveries back to pending count={}", expired);
            }
            countBacklog(now);
            dispatchDue();
        }
        catch (RuntimeException e) {
            log.error("webhook dispatch tick failed error={}", e.toString());
        }
        try {
            deadLetters.publishPending();
        }
        catch (RuntimeException e) {
            // stays pending and is published on a later tick
            log.error("webhook dead letters not published error={}", e.toString());
        }
    }

    /**
     * Claims due deliveries on the loop's thread now, not at the next tick. Nudges that
     * come while one is waiting are one claim pass (a burst of new deliveries is not a
     * pass each).
     */
    void nudge() {
        if (!running || !nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.execute(() -> {
                nudged.set(false);
                try {
                    dispatchDue();
                }
                catch (RuntimeException e) {
                    // the next tick tries again
                    log.warn("webhook dispatch after a nudge failed error={}", e.toString());
                }
            });
        }
        catch (RejectedExecutionException e) {
            // stopping: nothing more to claim
            nudged.set(false);
        }
    }

    /**
     * Claims and starts due deliveries while slots are free; returns how many attempts
     * were started.
     */
    int dispatchDue() {
        int started = 0;
        while (running && slots.tryAcquire()) {
            Optional<Delivery> claimed;
            try {
                Instant now = clock.instant();
                claimed = repository.claimNext(now, now.plus(settings.lease()), hosts.saturated());
            }
            catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                break;
            }
            launch(claimed.get());
            started++;
        }
        return started;
    }

    private void launch(Delivery delivery) {
        if (!hosts.tryAcquire(delivery.host())) {
            // only the dispatcher thread acquires, so a host seen as free before the
            // claim is still free
            slots.release();
            Instant now = clock.instant();
            repository.release(delivery, now, now);
            return;
        }
        leasesInFlight.add(delivery.leaseToken());
        attempts.execute(() -> {
            try {
                worker.run(delivery);
            }
            catch (RuntimeException e) {
                // the lease brings the delivery back once it expires
                log.error("webhook attempt failed deliveryId={} error={}", delivery.id(), e.toString());
            }
            finally {
                leasesInFlight.remove(delivery.leaseToken());
                hosts.release(delivery.host());
                slots.release();
                nudge();
            }
        });
    }

    private static ScheduledExecutorService newLoop() {
        return Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("callback-dispatcher").daemon().factory());
    }

    private static ExecutorService newAttempts() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("callback-attempt-", 0).factory());
    }

    private void renewLeases(Instant now) {
        if (now.isBefore(nextLeaseRenewal)) {
            return;
        }
        repository.renewLeases(List.copyOf(leasesInFlight), now.plus(settings.lease()), now);
        nextLeaseRenewal = now.plus(settings.lease().dividedBy(3));
    }

    private void countBacklog(Instant now) {
        if (now.isBefore(nextBacklogCount)) {
            return;
        }
        metrics.backlog(repository.countPending());
        nextBacklogCount = now.plus(settings.backlogRefresh());
    }

}
