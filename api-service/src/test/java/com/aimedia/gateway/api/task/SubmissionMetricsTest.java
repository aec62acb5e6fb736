package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.task.SubmissionMetrics.Outcome;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** A tenant who invents model ids must not be able to grow the metric registry. */
class SubmissionMetricsTest {

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(JsonMapper.builder().build(),
            ModelCatalog.DEFAULT_RESOURCES);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final SubmissionMetrics metrics = new SubmissionMetrics(registry, catalog);

    @Test
    void should_keep_one_series_when_a_tenant_submits_a_thousand_made_up_replicate_models() {
        for (int i = 0; i < 1000; i++) {
            CatalogModel model = catalog.find("replicate/attacker/model-" + i).orElseThrow();
            metrics.record(model, Outcome.ACCEPTED);
            metrics.record(model, Outcome.REJECTED);
        }

        assertThat(registry.find(SubmissionMetrics.TASKS_SUBMITTED).meters()).hasSize(2)
            .extracting(meter -> meter.getId().getTag(SubmissionMetrics.TAG_MODEL))
            .containsOnly("replicate/<owner>/<name>[:<version>]");
        assertThat(registry.find(SubmissionMetrics.TASKS_SUBMITTED)
            .tag(SubmissionMetrics.TAG_OUTCOME, "accepted")
            .counter()
            .count()).isEqualTo(1000);
    }

    @Test
    void should_tag_a_fixed_catalog_model_with_its_own_id() {
        CatalogModel kling = catalog.models()
            .stream()
            .filter(model -> model.provider().equals("kling"))
            .findFirst()
            .orElseThrow();

        metrics.record(kling, Outcome.ACCEPTED);

        assertThat(registry.find(SubmissionMetrics.TASKS_SUBMITTED).meters()).singleElement()
            .extracting(Meter::getId)
            .extracting(id -> id.getTag(SubmissionMetrics.TAG_MODEL))
            .isEqualTo(kling.id());
    }

}
