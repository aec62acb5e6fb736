package com.aimedia.gateway.workers.provider.xai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.xai.XaiSimulator;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class XaiAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private XaiSimulator simulator;

    @BeforeEach
    void start() {
        simulator = XaiSimulator
            .start(new XaiSimulator.Config("k", Duration.ofMillis(50), Duration.ofMillis(100), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private XaiAdapter adapter(String format) {
        return new XaiAdapter(new XaiProperties(URI.create(simulator.baseUrl()), "k", format, Duration.ofSeconds(1),
                Duration.ofSeconds(2)), json);
    }

    private GenerationRequest image(String input) {
        return new GenerationRequest("task_i", "grok-2-image", "grok-2-image-1212", json.readTree(input));
    }

    @Test
    void should_complete_at_submit_with_downloadable_urls_when_image_is_generated() throws Exception {
        Submission submission = adapter("url").submit(image("{\"prompt\":\"a cat\",\"n\":2}"));

        JsonNode sent = json.readTree(simulator.requests().getFirst().body());
        assertThat(simulator.requests().getFirst().path()).isEqualTo("/v1/images/generations");
        assertThat(sent.path("model").stringValue()).isEqualTo("grok-2-image-1212");
        assertThat(sent.path("response_format").stringValue()).isEqualTo("url");
        assertThat(submission.isCompleted()).isTrue();
        assertThat(submission.outputs()).hasSize(2);
        assertThat(simulator.jobsCreated()).as("one synchronous generation, however many images").isEqualTo(1);
        URI url = ((ProviderOutput.Remote) submission.outputs().getFirst()).uri();
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void should_return_inline_jpeg_when_response_format_is_b64_json() {
        Submission submission = adapter("b64_json").submit(image("{\"prompt\":\"a cat\"}"));

        assertThat(submission.outputs()).singleElement().isInstanceOfSatisfying(ProviderOutput.Inline.class, inline -> {
            assertThat(inline.contentType()).isEqualTo("image/jpeg");
            assertThat(inline.content()).startsWith((byte) 0xFF, (byte) 0xD8);
        });
    }

    @Test
    void should_reject_content_when_image_answer_is_http_200_with_status_failed() {
        assertThatThrownBy(() -> adapter("url").submit(image("{\"prompt\":\"[sim:content-policy] x\"}")))
            .isInstanceOf(ContentRejected.class)
            .hasMessageContaining("content policy");
    }

    @Test
    void should_reject_content_when_every_image_broke_moderation() {
        XaiApi.ImageResponse answer = new XaiApi.ImageResponse(
                java.util.List.of(new XaiApi.ImageData("https://x/a.jpg", null, false)), null, null);

        assertThatThrownBy(() -> XaiMapper.images(answer)).isInstanceOf(ContentRejected.class);
    }

    @Test
    void should_classify_refusals_when_xai_refuses_an_image() {
        XaiAdapter adapter = adapter("url");

        assertThatThrownBy(() -> adapter.submit(image("{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(image("{\"prompt\":\"[sim:busy]\"}"))).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter.submit(image("{\"prompt\":\"x\",\"n\":11}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("n must be between 1 and 10");
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void should_send_image_as_url_object_when_video_starts_from_an_image() {
        adapter("url").submit(new GenerationRequest("t", "grok-imagine-video", "grok-imagine-video",
                json.readTree("{\"prompt\":\"p\",\"image\":\"https://example.com/a.png\",\"aspect_ratio\":\"16:9\"}")));

        JsonNode sent = json.readTree(simulator.requests().getFirst().body());
        assertThat(sent.path("image").path("url").stringValue()).isEqualTo("https://example.com/a.png");
        assertThat(simulator.requests().getFirst().path()).isEqualTo("/v1/videos/generations");
    }

}
