package com.aimedia.gateway.storage;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The output store's metrics. Tags take bounded values only: provider ids, store kinds,
 * operations, outcomes.
 */
public final class StorageMetrics {

    /** Bytes written to the store, by provider. */
    public static final String BYTES_STORED = "gateway.storage.bytes.stored";

    /** One copy of one output from a provider into the store, by provider and outcome. */
    public static final String COPIES = "gateway.storage.copies";

    /** A failed store operation, by store kind and operation. */
    public static final String ERRORS = "gateway.storage.errors";

    /**
     * Outputs deleted because their retention ended (local sweeper; S3 deletes by
     * lifecycle rule).
     */
    public static final String EXPIRED = "gateway.storage.objects.expired";

    public static final String TAG_PROVIDER = "provider";

    public static final String TAG_OUTCOME = "outcome";

    public static final String TAG_STORE = "store";

    public static final String TAG_OPERATION = "operation";

    private final MeterRegistry registry;

    public StorageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void copied(String provider, CopyOutcome outcome, Duration took, long bytes) {
        Timer.builder(COPIES)
            .description("Copies of provider outputs into the gateway's store")
            .tag(TAG_PROVIDER, provider)
            .tag(TAG_OUTCOME, outcome.tag())
            .publishPercentileHistogram()
            .register(registry)
            .record(took);
        if (bytes > 0) {
            Counter.builder(BYTES_STORED)
                .description("Bytes of outputs written to the gateway's store")
                .baseUnit("bytes")
                .tag(TAG_PROVIDER, provider)
                .register(registry)
                .increment(bytes);
        }
    }

    public void storeError(String store, String operation) {
        Counter.builder(ERRORS)
            .description("Failed operations of the output store")
            .tag(TAG_STORE, store)
            .tag(TAG_OPERATION, operation)
            .register(registry)
            .increment();
    }

    public void expired(String store, long objects) {
        Counter.builder(EXPIRED)
            .description("Outputs deleted at the end of their retention")
            .tag(TAG_STORE, store)
            .register(registry)
            .increment(objects);
    }

    /**
     * How one copy ended: stored, failed (retried by the next poll), or rejected (a
     * limit; the task fails).
     */
    public enum CopyOutcome {

        SUCCESS, FAILURE, REJECTED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

    }

}
