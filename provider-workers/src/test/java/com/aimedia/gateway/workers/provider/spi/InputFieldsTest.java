package com.aimedia.gateway.workers.provider.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wording of a wrong-typed input field is part of what callers see, for every
 * provider alike.
 */
class InputFieldsTest {

    private final JsonNode input = JsonMapper.builder()
        .build()
        .readTree("{\"s\":\"x\",\"b\":true,\"i\":7,\"d\":1.5,\"n\":null}");

    @Test
    void readsPresentFieldsAndAbsentOrNullAsNull() {
        assertThat(InputFields.text(input, "s")).isEqualTo("x");
        assertThat(InputFields.bool(input, "b")).isTrue();
        assertThat(InputFields.integer(input, "i")).isEqualTo(7);
        assertThat(InputFields.longValue(input, "i")).isEqualTo(7L);
        assertThat(InputFields.number(input, "d")).isEqualTo(1.5);
        assertThat(InputFields.text(input, "n")).isNull();
        assertThat(InputFields.integer(input, "missing")).isNull();
    }

    @Test
    void rejectsWrongTypesAsInvalidRequest() {
        assertThatThrownBy(() -> InputFields.text(input, "i")).isInstanceOf(InvalidRequest.class)
            .hasMessage("Invalid parameter: input.i must be a string");
        assertThatThrownBy(() -> InputFields.bool(input, "s"))
            .hasMessage("Invalid parameter: input.s must be true or false");
        assertThatThrownBy(() -> InputFields.integer(input, "d"))
            .hasMessage("Invalid parameter: input.d must be an integer");
        assertThatThrownBy(() -> InputFields.longValue(input, "s"))
            .hasMessage("Invalid parameter: input.s must be an integer");
        assertThatThrownBy(() -> InputFields.number(input, "s"))
            .hasMessage("Invalid parameter: input.s must be a number");
    }

}
