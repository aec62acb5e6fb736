package com.aimedia.gateway.api.task;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.ModelCatalog;

/**
 * Metric names and tags of the api-service; tag values are bounded (catalog ids and fixed
 * outcomes only). A model id a tenant makes up within a pattern (any
 * {@code replicate/<owner>/<name>}) is tagged with the pattern's display id, never as
 * sent: otherwise every new id would add a time series.
 */
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

    private final ModelCatalog catalog;

    SubmissionMetrics(MeterRegistry registry, ModelCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    void record(CatalogModel model, Outcome outcome) {
        increment(model.provider(), catalog.metricId(model), outcome);
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
