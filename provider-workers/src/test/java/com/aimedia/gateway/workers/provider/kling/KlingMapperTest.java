package com.aimedia.gateway.workers.provider.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KlingMapperTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private GenerationRequest request(String input) {
        return new GenerationRequest("task_123", "kling-v2", "kling-v2-master", json.readTree(input));
    }

    @Test
    void should_send_duration_as_string_when_input_has_an_integer() {
        JsonNode body = json.valueToTree(KlingMapper.toCreateRequest(request("{\"prompt\":\"p\",\"duration\":10}")));

        assertThat(body.path("duration").isString()).isTrue();
        assertThat(body.path("duration").stringValue()).isEqualTo("10");
    }

    @Test
    void should_map_every_field_and_omit_absent_ones_when_text_to_video() {
        GenerationRequest request = request("{\"prompt\":\"p\",\"negative_prompt\":\"n\",\"cfg_scale\":0.4,"
                + "\"mode\":\"pro\",\"aspect_ratio\":\"9:16\",\"duration\":\"5\",\"sound\":true}");

        JsonNode body = json.valueToTree(KlingMapper.toCreateRequest(request));

        assertThat(KlingMapper.family(request)).isEqualTo("text2video");
        assertThat(json.writeValueAsString(body)).isEqualTo("{\"model_name\":\"kling-v2-master\",\"prompt\":\"p\","
                + "\"negative_prompt\":\"n\",\"cfg_scale\":0.4,\"mode\":\"pro\",\"aspect_ratio\":\"9:16\",\"duration\":\"5\","
                + "\"sound\":\"on\",\"external_task_id\":\"task_123\"}");
    }

    @Test
    void should_route_to_image2video_when_input_has_an_image() {
        GenerationRequest request = request(
                "{\"prompt\":\"p\",\"image\":\"https://x/a.png\",\"image_tail\":\"https://x/b.png\"}");

        JsonNode body = json.valueToTree(KlingMapper.toCreateRequest(request));

        assertThat(KlingMapper.family(request)).isEqualTo("image2video");
        assertThat(body.path("image").stringValue()).isEqualTo("https://x/a.png");
        assertThat(body.path("image_tail").stringValue()).isEqualTo("https://x/b.png");
    }

    @Test
    void should_refuse_with_field_name_when_a_field_has_the_wrong_type() {
        assertThatThrownBy(() -> KlingMapper.toCreateRequest(request("{\"prompt\":7}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("input.prompt");
        assertThatThrownBy(() -> KlingMapper.toCreateRequest(request("{\"prompt\":\"p\",\"duration\":[5]}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("input.duration");
    }

    @Test
    void should_map_every_documented_status_when_polled() {
        List<URI> urls = List.of(URI.create("https://cdn/x.mp4"));

        assertThat(KlingStatus.SUBMITTED.toPollResult(List.of(), "")).isEqualTo(new PollResult.Pending(false, null));
        assertThat(KlingStatus.PROCESSING.toPollResult(List.of(), "")).isEqualTo(new PollResult.Pending(true, null));
        assertThat(KlingStatus.SUCCEED.toPollResult(urls, "")).isEqualTo(PollResult.Succeeded.urls(urls));
        assertThat(KlingStatus.SUCCEED.toPollResult(List.of(), "")).isInstanceOf(PollResult.Failed.class);
        assertThat(KlingStatus.FAILED.toPollResult(List.of(), "Failure to pass the risk control system"))
            .isEqualTo(new PollResult.Failed(ErrorCode.CONTENT_POLICY,
                    "The provider rejected the prompt under its content policy."));
        assertThat(KlingStatus.FAILED.toPollResult(List.of(), "render crashed"))
            .isEqualTo(new PollResult.Failed(ErrorCode.PROVIDER_ERROR, "The provider failed the task: render crashed"));
        assertThat(KlingStatus.fromWire("succeeded")).isEmpty();
    }

}
