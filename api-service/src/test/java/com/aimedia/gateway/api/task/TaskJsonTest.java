package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.api.taskid.TaskId;

class TaskJsonTest {

    private final TaskJson json = new TaskJson(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());

    @Test
    void renders_the_queued_body_compact_with_the_contracts_field_order() {
        TaskId id = new TaskId("task_abc", Instant.parse("2026-03-01T10:00:00.750Z"));

        assertThat(json.queuedBody(id, new java.util.TreeMap<>())).isEqualTo(
                "{\"id\":\"task_abc\",\"status\":\"queued\",\"created_at\":1772359200,\"version\":1,\"updated_at\":1772359200}");
    }

    @Test
    void renders_metadata_after_the_seed_fields_sorted_by_key() {
        TaskId id = new TaskId("task_abc", Instant.parse("2026-03-01T10:00:00.750Z"));

        assertThat(json.queuedBody(id, new java.util.TreeMap<>(java.util.Map.of("b", "2", "a", "1"))))
            .contains("\"metadata\":{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void keeps_the_exact_value_of_decimals() {
        assertThat(json.compact(parse("{\"cfg_scale\":0.10,\"big\":12345678901234567890.5}")))
            .isEqualTo("{\"cfg_scale\":0.10,\"big\":12345678901234567890.5}");
    }

    @Test
    void refuses_duplicate_keys_and_trailing_content() {
        assertThatThrownBy(() -> parse("{\"a\":1,\"a\":1}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parse("{\"a\":1}x")).isInstanceOf(JacksonException.class);
    }

    @Test
    void hashes_the_same_value_alike_whatever_its_key_order_and_different_values_differently() {
        String hash = json.canonicalHash(parse("{\"model\":\"m\",\"input\":{\"b\":[{\"y\":1,\"x\":2}],\"a\":1}}"));

        assertThat(json.canonicalHash(parse("{\"input\":{\"a\":1,\"b\":[{\"x\":2,\"y\":1}]},\"model\":\"m\"}")))
            .isEqualTo(hash);
        assertThat(json.canonicalHash(parse("{\"input\":{\"a\":1,\"b\":[{\"x\":2,\"y\":2}]},\"model\":\"m\"}")))
            .isNotEqualTo(hash);
        assertThat(json.canonicalHash(parse("{\"input\":{\"b\":[{\"x\":2,\"y\":1}],\"a\":1},\"model\":\"n\"}")))
            .isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    private tools.jackson.databind.JsonNode parse(String text) {
        return json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

}
