package com.aimedia.gateway.workers.provider.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KlingImageAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private KlingSimulator simulator;

    private KlingAdapter adapter;

    @BeforeEach
    void start() {
        simulator = KlingSimulator
            .start(KlingSimulator.Config.defaults().withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = new KlingAdapter(
                new KlingProperties(URI.create(simulator.baseUrl()), KlingSimulator.Config.DEFAULT_ACCESS_KEY,
                        KlingSimulator.Config.DEFAULT_SECRET_KEY, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                json, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private GenerationRequest image(String taskId, String input) {
        return new GenerationRequest(taskId, "kling-image-v2-1", "kling-v2-1", json.readTree(input),
                URI.create("https://gateway.example/provider-callbacks/kling/" + taskId + "?signature=s"));
    }

    private PollResult finish(ProviderTaskRef ref) {
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            last.set(adapter.poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_post_images_generations_with_image_fields_when_model_is_a_kling_image_model() {
        Submission submission = adapter
            .submit(image("task_img", "{\"prompt\":\"a fox\",\"n\":2,\"aspect_ratio\":\"4:3\",\"resolution\":\"2k\"}"));

        JsonNode sent = json.readTree(simulator.createRequests().getFirst().body());
        assertThat(simulator.createRequests().getFirst().path()).isEqualTo("/v1/images/generations");
        assertThat(sent.path("model_name").stringValue()).isEqualTo("kling-v2-1");
        assertThat(sent.path("n").asInt()).isEqualTo(2);
        assertThat(sent.path("aspect_ratio").stringValue()).isEqualTo("4:3");
        assertThat(sent.path("resolution").stringValue()).isEqualTo("2k");
        assertThat(sent.path("external_task_id").stringValue()).isEqualTo("task_img");
        assertThat(sent.path("callback_url").stringValue())
            .startsWith("https://gateway.example/provider-callbacks/kling/");
        assertThat(sent.has("duration")).isFalse();
        assertThat(submission.providerRef()).isEqualTo("images");
    }

    @Test
    void should_return_every_image_in_index_order_when_image_task_succeeds() {
        Submission submission = adapter.submit(image("task_two", "{\"prompt\":\"a fox\",\"n\":2}"));

        PollResult last = finish(
                new ProviderTaskRef("task_two", submission.providerTaskId(), submission.providerRef()));

        assertThat(last).isInstanceOfSatisfying(PollResult.Succeeded.class, succeeded -> {
            assertThat(succeeded.outputs()).hasSize(2);
            assertThat(((ProviderOutput.Remote) succeeded.outputs().get(0)).uri().getPath()).endsWith("-0.png");
            assertThat(((ProviderOutput.Remote) succeeded.outputs().get(1)).uri().getPath()).endsWith("-1.png");
        });
    }

    @Test
    void should_fail_with_content_policy_when_image_task_is_refused_by_risk_control() {
        Submission submission = adapter.submit(image("task_cp", "{\"prompt\":\"[sim:content-policy] a fox\"}"));

        PollResult last = finish(new ProviderTaskRef("task_cp", submission.providerTaskId(), submission.providerRef()));

        assertThat(last).isInstanceOfSatisfying(PollResult.Failed.class,
                failed -> assertThat(failed.code()).isEqualTo(ErrorCode.CONTENT_POLICY));
    }

    @Test
    void should_refuse_video_only_parameters_when_kling_validates_an_image_request() {
        assertThatThrownBy(() -> adapter.submit(image("task_bad", "{\"prompt\":\"a fox\",\"n\":12}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("n must be");
    }

    @Test
    void should_still_poll_text2video_when_ref_is_a_video_family() {
        Submission video = adapter.submit(new GenerationRequest("task_v", "kling-v2", "kling-v2-master",
                json.readTree("{\"prompt\":\"a fox\"}")));

        PollResult last = finish(new ProviderTaskRef("task_v", video.providerTaskId(), video.providerRef()));

        assertThat(video.providerRef()).isEqualTo("text2video");
        assertThat(last).isInstanceOfSatisfying(PollResult.Succeeded.class,
                succeeded -> assertThat(((ProviderOutput.Remote) succeeded.outputs().getFirst()).uri().getPath())
                    .endsWith(".mp4"));
    }

}
