package com.aimedia.gateway.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.web.problems.FieldProblem;

/** The BFL, Replicate and xAI catalog entries, including Replicate's id pattern. */
class ImageProvidersCatalogTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(mapper, ModelCatalog.DEFAULT_RESOURCES);

    private final InputValidator validator = new InputValidator(catalog);

    private List<FieldProblem> validate(String model, String input) {
        return validator.validate(catalog.find(model).orElseThrow(), mapper.readTree(input));
    }

    @Test
    void should_map_seed_ids_to_current_models_with_a_note() {
        CatalogModel fluxPro = catalog.find("flux-pro").orElseThrow();
        CatalogModel grok = catalog.find("grok-2-image").orElseThrow();

        assertThat(fluxPro).extracting(CatalogModel::provider, CatalogModel::providerModel, CatalogModel::kind)
            .containsExactly("bfl", "flux-pro-1.1", ModelKind.IMAGE);
        assertThat(fluxPro.note()).contains("flux-pro-1.1");
        assertThat(catalog.find("flux-kontext-pro").orElseThrow().providerModel()).isEqualTo("flux-kontext-pro");
        assertThat(grok).extracting(CatalogModel::provider, CatalogModel::providerModel, CatalogModel::kind)
            .containsExactly("xai", "grok-2-image-1212", ModelKind.IMAGE);
        assertThat(catalog.find("grok-imagine-video").orElseThrow().kind()).isEqualTo(ModelKind.VIDEO);
        assertThat(catalog.providers()).contains("bfl", "replicate", "xai");
    }

    @Test
    void should_list_every_current_bfl_model_each_mapping_to_its_path() {
        assertThat(catalog.models())
            .filteredOn(model -> model.provider().equals("bfl") && !model.id().equals("flux-pro"))
            .extracting(CatalogModel::id)
            .containsExactlyInAnyOrder("flux-kontext-pro", "flux-kontext-max", "flux-pro-1.1", "flux-pro-1.1-ultra",
                    "flux-dev", "flux-pro-1.0-fill", "flux-pro-1.0-expand", "flux-2-pro", "flux-2-max", "flux-2-flex",
                    "flux-2-klein-4b", "flux-2-klein-9b");
        assertThat(catalog.models())
            .filteredOn(model -> model.provider().equals("bfl") && !model.id().equals("flux-pro"))
            .allSatisfy(model -> assertThat(model.providerModel()).isEqualTo(model.id()));
    }

    @Test
    void should_resolve_any_replicate_model_and_version_when_id_matches_the_pattern() {
        String version = "5599ed30703defd1d160a25a63321b4dec97101d98b4674bcc56e41f62f35637";

        CatalogModel official = catalog.find("replicate/black-forest-labs/flux-1.1-pro").orElseThrow();
        CatalogModel versioned = catalog.find("replicate/stability-ai/sdxl:" + version).orElseThrow();

        assertThat(official)
            .extracting(CatalogModel::id, CatalogModel::provider, CatalogModel::providerModel,
                    CatalogModel::inputSchema)
            .containsExactly("replicate/black-forest-labs/flux-1.1-pro", "replicate", "black-forest-labs/flux-1.1-pro",
                    "replicate-input");
        assertThat(versioned.providerModel()).isEqualTo("stability-ai/sdxl:" + version);
        assertThat(catalog.models()).filteredOn(model -> model.provider().equals("replicate"))
            .singleElement()
            .satisfies(listed -> assertThat(listed.id()).isEqualTo("replicate/<owner>/<name>[:<version>]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "replicate/", "replicate/owner", "replicate/owner/", "replicate/Owner/Name",
            "replicate/owner/name:short", "replicate/../etc/passwd", "replicate/owner/name/extra",
            "replicate/<owner>/<name>[:<version>]", "replicate/owner/name:" })
    void should_not_resolve_when_replicate_id_is_malformed(String id) {
        assertThat(catalog.find(id)).isEmpty();
    }

    @Test
    void should_pass_any_object_through_when_model_is_replicate() {
        assertThat(validate("replicate/o/m", "{\"prompt\":\"x\",\"num_outputs\":2,\"anything\":{\"nested\":true}}"))
            .isEmpty();
    }

    @Test
    void should_name_the_field_when_bfl_or_xai_input_is_invalid() {
        assertThat(validate("flux-pro", "{\"prompt\":\"x\",\"width\":1000}"))
            .containsExactly(new FieldProblem("input.width", "must be a multiple of 32"));
        assertThat(validate("flux-kontext-pro", "{\"input_image\":\"https://example.com/a.png\"}"))
            .extracting(FieldProblem::field)
            .containsExactly("input.prompt");
        assertThat(validate("flux-pro-1.1", "{\"prompt\":\"x\",\"webhook_url\":\"https://evil.example\"}"))
            .containsExactly(new FieldProblem("input.webhook_url", "is not a supported input field for this model"));
        assertThat(validate("grok-2-image", "{\"prompt\":\"x\",\"n\":11,\"size\":\"1024x1024\"}"))
            .containsExactlyInAnyOrder(new FieldProblem("input.n", "must be between 1 and 10"),
                    new FieldProblem("input.size", "is not a supported input field for this model"));
        assertThat(validate("grok-imagine-video", "{\"prompt\":\"x\",\"duration\":6,\"aspect_ratio\":\"16:9\"}"))
            .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "flux-pro", "flux-kontext-max", "flux-pro-1.1-ultra", "flux-dev", "flux-2-pro",
            "flux-2-flex", "grok-2-image", "grok-imagine-image" })
    void should_accept_a_plain_prompt_when_model_generates_from_text(String model) {
        assertThat(validate(model, "{\"prompt\":\"a red fox\"}")).isEmpty();
    }

}
