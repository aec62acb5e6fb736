package com.aimedia.gateway.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.web.problems.FieldProblem;

/** The catalog entries and input schemas of Kling image, Luma and Runway. */
class KlingImageLumaRunwayCatalogTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(mapper, ModelCatalog.DEFAULT_RESOURCES);

    private final InputValidator validator = new InputValidator(catalog);

    private List<FieldProblem> validate(String model, String input) {
        return validator.validate(catalog.find(model).orElseThrow(), mapper.readTree(input));
    }

    @ParameterizedTest
    @CsvSource({ "kling-image-v2-1, kling, kling-v2-1, IMAGE", "kling-image-v1, kling, kling-v1, IMAGE",
            "luma-ray-2, luma, ray-2, VIDEO", "ray-flash-2, luma, ray-flash-2, VIDEO",
            "luma-photon, luma, photon-1, IMAGE", "photon-flash-1, luma, photon-flash-1, IMAGE",
            "runway-gen4, runway, gen4_turbo, VIDEO", "gen4_turbo, runway, gen4_turbo, VIDEO",
            "gen4_image, runway, gen4_image, IMAGE", "runwayml-gen3a-turbo, runway, gen3a_turbo, VIDEO" })
    void should_map_public_id_to_provider_model_when_listed(String id, String provider, String providerModel,
            ModelKind kind) {
        CatalogModel model = catalog.find(id).orElseThrow();

        assertThat(model).extracting(CatalogModel::provider, CatalogModel::providerModel, CatalogModel::kind)
            .containsExactly(provider, providerModel, kind);
    }

    @Test
    void should_show_the_mapping_in_the_note_when_a_seed_id_runs_another_model() {
        assertThat(catalog.find("luma-photon").orElseThrow().note()).contains("photon-1");
        assertThat(catalog.find("runway-gen4").orElseThrow().note()).contains("gen4_turbo");
        assertThat(catalog.find("runwayml-gen3a-turbo").orElseThrow().note()).contains("deprecated");
    }

    @Test
    void should_accept_valid_inputs_of_each_schema() {
        assertThat(validate("kling-image-v2",
                "{\"prompt\":\"a fox\",\"n\":4,\"aspect_ratio\":\"21:9\",\"resolution\":\"2k\"}"))
            .isEmpty();
        assertThat(validate("luma-ray-2", "{\"prompt\":\"a fox\",\"duration\":\"9s\",\"keyframes\":{\"frame0\":"
                + "{\"type\":\"image\",\"url\":\"https://example.com/a.jpg\"}}}"))
            .isEmpty();
        assertThat(validate("luma-photon", "{\"prompt\":\"a fox\",\"format\":\"png\",\"sync\":true}")).isEmpty();
        assertThat(validate("runway-gen4",
                "{\"promptImage\":\"https://example.com/a.png\",\"ratio\":\"1280:720\",\"duration\":7}"))
            .isEmpty();
        assertThat(validate("gen4_image", "{\"promptText\":\"a fox\",\"ratio\":\"1920:1080\"}")).isEmpty();
        assertThat(validate("runwayml-gen3a-turbo",
                "{\"promptImage\":[{\"uri\":\"https://example.com/a.png\",\"position\":\"first\"},"
                        + "{\"uri\":\"https://example.com/b.png\",\"position\":\"last\"}],\"promptText\":\"x\",\"ratio\":\"768:1280\"}"))
            .isEmpty();
    }

    @Test
    void should_name_the_field_when_a_provider_constraint_is_broken() {
        assertThat(validate("kling-image-v2", "{\"prompt\":\"a fox\",\"n\":10}"))
            .containsExactly(new FieldProblem("input.n", "must be an integer from 1 to 9"));
        assertThat(validate("kling-image-v2", "{\"n\":1}"))
            .containsExactly(new FieldProblem("input.prompt", "is required"));
        assertThat(validate("luma-ray-2", "{\"prompt\":\"a fox\",\"duration\":\"7s\"}"))
            .containsExactly(new FieldProblem("input.duration", "must be \"5s\" or \"9s\""));
        assertThat(validate("runway-gen4", "{\"promptImage\":\"https://example.com/a.png\",\"ratio\":\"16:9\"}"))
            .extracting(FieldProblem::field)
            .containsExactly("input.ratio");
        assertThat(validate("runway-gen4", "{\"promptImage\":\"https://example.com/a.png\"}"))
            .containsExactly(new FieldProblem("input.ratio", "is required"));
        assertThat(
                validate("gen4_image_turbo", "{\"promptText\":\"x\",\"ratio\":\"1024:1024\",\"referenceImages\":[]}"))
            .containsExactly(new FieldProblem("input.referenceImages", "must have one to three images"));
    }

}
