package com.aimedia.gateway.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Jimeng, Doubao Seedance and Wan catalog entries: seed ids, mappings and schemas.
 */
class ProvidersCatalogTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(json, ModelCatalog.DEFAULT_RESOURCES);

    private final InputValidator validator = new InputValidator(catalog);

    @Test
    void should_map_seed_ids_to_current_models_with_a_note() {
        assertThat(catalog.find("jimeng-v2").orElseThrow())
            .extracting(CatalogModel::provider, CatalogModel::providerModel)
            .containsExactly("jimeng", "jimeng_vgfm_t2v_l20");
        assertThat(catalog.find("doubao-seedance-1-0-pro").orElseThrow())
            .extracting(CatalogModel::provider, CatalogModel::providerModel)
            .containsExactly("doubao", "doubao-seedance-1-0-pro-250528");
        assertThat(catalog.find("wanx-v2").orElseThrow())
            .extracting(CatalogModel::provider, CatalogModel::providerModel)
            .containsExactly("wan", "wan2.2-t2v-plus");
        assertThat(catalog.find("wanx-v2").orElseThrow().note()).contains("wan2.2-t2v-plus");
    }

    @Test
    void should_list_current_models_when_catalog_loads() {
        assertThat(catalog.find("wan2.2-t2i-plus").orElseThrow().kind()).isEqualTo(ModelKind.IMAGE);
        assertThat(catalog.find("jimeng_t2i_v40").orElseThrow().kind()).isEqualTo(ModelKind.IMAGE);
        assertThat(catalog.find("jimeng_ti2v_v30_pro")).isPresent();
        assertThat(catalog.find("doubao-seedance-2-0-260128")).isPresent();
        assertThat(catalog.providers()).contains("jimeng", "doubao", "wan");
    }

    @Test
    void should_accept_valid_inputs_when_schemas_match() {
        assertThat(validator.validate(catalog.find("jimeng-v2").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\",\"aspect_ratio\":\"16:9\"}")))
            .isEmpty();
        assertThat(validator.validate(catalog.find("doubao-seedance-1-0-pro").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\",\"ratio\":\"16:9\",\"duration\":5}")))
            .isEmpty();
        assertThat(validator.validate(catalog.find("wan2.2-t2i-plus").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\",\"n\":2}")))
            .isEmpty();
    }

    @Test
    void should_name_the_field_when_input_is_invalid() {
        assertThat(validator.validate(catalog.find("jimeng_t2v_v30").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\",\"frames\":100}")))
            .anySatisfy(error -> assertThat(error.toString()).contains("frames"));
        assertThat(validator.validate(catalog.find("wanx2.1-i2v-turbo").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\"}")))
            .isNotEmpty();
        assertThat(validator.validate(catalog.find("doubao-seedance-1-0-pro").orElseThrow(),
                json.readTree("{\"prompt\":\"a fox\",\"ratio\":\"2:1\"}")))
            .anySatisfy(error -> assertThat(error.toString()).contains("ratio"));
    }

}
