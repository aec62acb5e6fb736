package com.aimedia.gateway.api.task;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.aimedia.gateway.api.catalog.CatalogModel;

/** Metric names and tags of the api-service; tag values are bounded (catalog ids and fixed outcomes only). */
@Component
class SubmissionMetrics {

    static final String TASKS_SUBMITTED = "gateway.tasks.submitted";
    static final String TAG_PROVIDER = "provider";
    static final String TAG_MODEL = "model";
    static final String TAG_OUTCOME = "outcome";
    static final String NONE = "none";

    enum Outcome {
        /** published, 200 */
        ACCEPTED,
        /** an Idempotency-Key replay, republished, 200 */
        REPLAYED,
        /** refused by validation, 4xx */
        REJECTED,
        /** same Idempotency-Key, different body, 422 */
        CONFLICT,
        /** Kafka did not acknowledge, 503 */
        UNAVAILABLE
    }

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(CatalogModel model, Outcome outcome) {
        increment(model.provider(), model.id(), outcome);
    }

    /** A rejection before the model was known. */
    void rejectedWithoutModel() {
        increment(NONE, NONE, Outcome.REJECTED);
    }

    private void increment(String provider, String model, Outcome outcome) {
        Counter.builder(TASKS_SUBMITTED)
            .description("Task submissions by provider, model and outcome")
            .tag(TAG_PROVIDER, provider)
            .tag(TAG_MODEL, model)
            .tag(TAG_OUTCOME, outcome.name().toLowerCase(Locale.ROOT))
            .register(registry)
            .increment();
    }
}
