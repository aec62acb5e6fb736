package com.aimedia.gateway.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.web.problems.FieldProblem;

class InputValidatorTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final ModelCatalog catalog = ModelCatalog.fromClasspath(mapper, ModelCatalog.DEFAULT_RESOURCES);

    private final InputValidator validator = new InputValidator(catalog);

    private final CatalogModel klingV2 = catalog.find("kling-v2").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = { "{\"prompt\":\"a cat surfing\"}",
            "{\"prompt\":\"x\",\"negative_prompt\":\"blur\",\"duration\":\"10\",\"aspect_ratio\":\"9:16\",\"mode\":\"pro\",\"cfg_scale\":0.5,\"sound\":\"on\"}",
            "{\"prompt\":\"x\",\"duration\":5}", "{\"prompt\":\"x\",\"duration\":10}",
            "{\"image\":\"https://example.com/a.png\"}", "{\"image\":\"aGVsbG8=\",\"image_tail\":\"aGVsbG8=\"}",
            "{\"image\":\"https://example.com/a.png\",\"prompt\":\"zoom in\"}" })
    void should_accept_when_input_is_valid(String input) {
        assertThat(validate(input)).isEmpty();
    }

    @Test
    void should_name_prompt_when_neither_prompt_nor_image_is_given() {
        assertThat(validate("{\"duration\":\"5\"}"))
            .containsExactly(new FieldProblem("input.prompt", "is required (or give image for image to video)"));
    }

    @Test
    void should_name_each_field_with_its_message_when_several_fields_are_wrong() {
        // when
        List<FieldProblem> problems = validate(
                "{\"prompt\":\"" + "a".repeat(2501) + "\",\"duration\":7,\"aspect_ratio\":\"4:3\",\"mode\":\"max\","
                        + "\"cfg_scale\":2,\"sound\":true,\"image\":\"data:image/png;base64,AAAA\",\"seed\":1}");

        // then
        assertThat(problems).containsExactlyInAnyOrder(
                new FieldProblem("input.prompt", "must be at most 2500 characters long"),
                new FieldProblem("input.duration", "must be \"5\" or \"10\" (seconds)"),
                new FieldProblem("input.aspect_ratio", "must be one of \"16:9\", \"9:16\", \"1:1\""),
                new FieldProblem("input.mode", "must be \"std\" or \"pro\""),
                new FieldProblem("input.cfg_scale", "must be between 0 and 1"),
                new FieldProblem("input.sound", "must be \"on\" or \"off\""),
                new FieldProblem("input.image", "must be an http(s) URL or raw base64 (without a data: prefix)"),
                new FieldProblem("input.seed", "is not a supported input field for this model"));
    }

    @Test
    void should_report_type_errors_when_values_have_the_wrong_type() {
        assertThat(validate("{\"prompt\":5}")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("input.prompt");
            assertThat(problem.message()).contains("string");
        });
        assertThat(validate("{\"prompt\":\"\"}"))
            .containsExactly(new FieldProblem("input.prompt", "must be at least 1 characters long"));
    }

    @Test
    void should_refuse_when_input_is_not_an_object() {
        assertThat(validate("[\"prompt\"]")).containsExactly(new FieldProblem("input", "must be a JSON object"));
        assertThat(validate("\"a cat\"")).containsExactly(new FieldProblem("input", "must be a JSON object"));
    }

    private List<FieldProblem> validate(String input) {
        return validator.validate(klingV2, mapper.readTree(input));
    }

}
