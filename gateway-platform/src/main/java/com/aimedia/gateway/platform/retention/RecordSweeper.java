package com.aimedia.gateway.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes the task records of one collection whose retention has ended
 * ({@link TaskRecordRetention}), every {@code sweep-interval}, in batches of
 * {@code batch-size} found through an index, until none is left. Each service sweeps its
 * own collection. Deletes are conditional and idempotent, so several replicas may sweep
 * at once: one of them deletes a record, the others find nothing to delete. A TTL index
 * would do the same on a real MongoDB, but not on the embedded default (mongo-java-server
 * never expires documents), and a sweeper also counts what it deleted.
 */
public final class RecordSweeper implements SmartLifecycle {

    /** Counter of deleted records, tagged with the collection. */
    public static final String DELETED = "gateway.retention.records.deleted";

    /**
     * Counter of sweeps that failed (MongoDB unreachable), tagged with the collection;
     * the next one tries again.
     */
    public static final String FAILED = "gateway.retention.sweeps.failed";

    private static final Logger log = LoggerFactory.getLogger(RecordSweeper.class);

    /**
     * Where the expired records of a collection are found and deleted: the store's two
     * methods, e.g.
     * {@code new ExpiredRecords(store::findExpiredRecords, store::deleteExpiredRecords)}.
     */
    public record ExpiredRecords(Finder finder, Deleter deleter) {
    }

    /**
     * Ids of records whose retention ended at or before {@code now}, at most
     * {@code limit}, through an index.
     */
    @FunctionalInterface
    public interface Finder {

        List<String> find(Instant now, int limit);

    }

    /**
     * Deletes those of these records whose retention still has ended; returns how many it
     * deleted.
     */
    @FunctionalInterface
    public interface Deleter {

        long delete(List<String> ids, Instant now);

    }

    private final String collection;

    private final ExpiredRecords records;

    private final TaskRecordRetention retention;

    private final Clock clock;

    private final Counter deleted;

    private final Counter failed;

    private @Nullable ScheduledExecutorService executor;

    public RecordSweeper(String collection, ExpiredRecords records, TaskRecordRetention retention, Clock clock,
            MeterRegistry registry) {
        this.collection = collection;
        this.records = records;
        this.retention = retention;
        this.clock = clock;
        this.deleted = Counter.builder(DELETED)
            .tag("collection", collection)
            .description("Task records deleted after their tenant's retention period")
            .register(registry);
        this.failed = Counter.builder(FAILED)
            .tag("collection", collection)
            .description("Retention sweeps that failed")
            .register(registry);
    }

    /**
     * Sweeps every {@code sweep-interval} on a thread of its own, the first time one
     * interval after start-up.
     */
    @Override
    public synchronized void start() {
        if (executor != null || !retention.enabled()) {
            return;
        }
        executor = Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("retention-" + collection).daemon().factory());
        long interval = retention.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepSafely, interval, interval, TimeUnit.MILLISECONDS);
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

    private void sweepSafely() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            // MongoDB unreachable: readiness reports it; the next sweep tries again
            failed.increment();
            log.warn("retention sweep failed collection={} error={}", collection, e.toString());
        }
    }

    /**
     * @return how many records this sweep deleted
     */
    public long sweep() {
        Instant now = clock.instant();
        long total = 0;
        while (true) {
            List<String> expired = records.finder().find(now, retention.batchSize());
            if (expired.isEmpty()) {
                break;
            }
            long count = records.deleter().delete(expired, now);
            deleted.increment(count);
            total += count;
            // a short batch was the last; nothing deleted means another replica is at it
            // (or a record cannot be
            // deleted): the next sweep goes on, this one does not spin
            if (expired.size() < retention.batchSize() || count == 0) {
                break;
            }
        }
        if (total > 0) {
            log.info("expired task records deleted collection={} count={}", collection, total);
        }
        return total;
    }

}
