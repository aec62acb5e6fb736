package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.ModelKind;

class RequestedDurationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final CatalogModel VIDEO = new CatalogModel("kling-v2", "kling", "kling-v2-master", ModelKind.VIDEO,
            "kling-video", null);

    private static final CatalogModel IMAGE = new CatalogModel("flux-pro", "bfl", "flux-pro-1.1", ModelKind.IMAGE,
            "bfl-image", null);

    @Test
    void should_read_the_duration_as_a_number_a_numeric_string_or_with_a_unit_when_the_model_makes_videos() {
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"duration\":10}"))).isEqualTo(10);
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"duration\":\"5\"}"))).isEqualTo(5);
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"duration\":\"9s\"}"))).isEqualTo(9);
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"durationSeconds\":8}"))).isEqualTo(8);
    }

    @Test
    void should_know_no_duration_when_the_request_leaves_it_to_the_provider_or_the_model_makes_no_video() {
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"prompt\":\"x\"}"))).isNull();
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"duration\":\"long\"}"))).isNull();
        assertThat(RequestedDuration.seconds(VIDEO, input("{\"duration\":0}"))).isNull();
        assertThat(RequestedDuration.seconds(IMAGE, input("{\"duration\":5}"))).isNull();
    }

    private static ObjectNode input(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

}
