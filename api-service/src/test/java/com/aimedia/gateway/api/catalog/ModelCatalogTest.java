package com.aimedia.gateway.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ModelCatalogTest {

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(JsonMapper.builder().build(),
            ModelCatalog.DEFAULT_RESOURCES);

    @Test
    void should_resolve_seed_alias_when_model_is_kling_v2() {
        CatalogModel seed = catalog.find("kling-v2").orElseThrow();
        assertThat(seed)
            .extracting(CatalogModel::provider, CatalogModel::providerModel, CatalogModel::kind,
                    CatalogModel::inputSchema)
            .containsExactly("kling", "kling-v2-master", ModelKind.VIDEO, "kling-video");
        assertThat(seed.note()).contains("kling-v2-master");
        assertThat(catalog.find("kling-v1-6").orElseThrow().providerModel()).isEqualTo("kling-v1-6");
    }

    @Test
    void should_list_seed_and_current_kling_video_models_each_mapping_to_itself() {
        var klingVideo = catalog.models()
            .stream()
            .filter(model -> model.provider().equals("kling") && model.kind() == ModelKind.VIDEO)
            .toList();
        assertThat(klingVideo).extracting(CatalogModel::id)
            .containsExactly("kling-v2", "kling-v1-6", "kling-v1", "kling-v2-master", "kling-v2-1-master",
                    "kling-v2-5-turbo", "kling-v2-6", "kling-v3");
        assertThat(klingVideo).filteredOn(model -> !model.id().equals("kling-v2"))
            .allSatisfy(model -> assertThat(model.providerModel()).isEqualTo(model.id()));
        assertThat(catalog.providers()).contains("kling");
    }

    @Test
    void should_not_find_when_id_is_unknown_or_differs_in_case() {
        assertThat(catalog.find("kling-v9")).isEmpty();
        assertThat(catalog.find("KLING-V2")).isEmpty();
    }

    @Test
    void should_expose_a_draft_2020_12_schema_when_asked_for_input_schema() {
        var schema = catalog.inputSchema(catalog.find("kling-v3").orElseThrow());

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").propertyNames()).contains("prompt", "image", "duration", "sound");
    }

    @Test
    void should_fail_start_up_when_resource_is_missing() {
        assertThatIllegalStateException()
            .isThrownBy(
                    () -> ModelCatalog.fromClasspath(JsonMapper.builder().build(), "classpath*:catalog/missing/*.json"))
            .withMessageContaining("classpath*:catalog/missing/*.json");
    }

}
