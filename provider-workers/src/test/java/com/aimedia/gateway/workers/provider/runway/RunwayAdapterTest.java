package com.aimedia.gateway.workers.provider.runway;

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

import com.aimedia.gateway.simulators.runway.RunwaySimulator;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunwayAdapterTest {

    private static final String GEN4 = "{\"promptImage\":\"https://example.com/a.png\",\"promptText\":\"%s\",\"ratio\":\"1280:720\"}";

    private static final String GEN3A = "{\"promptImage\":[{\"uri\":\"https://example.com/a.png\",\"position\":\"first\"},"
            + "{\"uri\":\"https://example.com/b.png\",\"position\":\"last\"}],\"promptText\":\"a fox\",\"ratio\":\"1280:768\",\"duration\":10}";

    private final JsonMapper json = JsonMapper.builder().build();

    private RunwaySimulator simulator;

    private RunwayAdapter adapter;

    private void start(RunwaySimulator.Config config) {
        simulator = RunwaySimulator.start(config.withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = new RunwayAdapter(new RunwayProperties(URI.create(simulator.baseUrl()),
                RunwaySimulator.Config.DEFAULT_API_KEY, "2024-11-06", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                json, Clock.systemUTC());
    }

    @BeforeEach
    void startDefault() {
        start(RunwaySimulator.Config.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private GenerationRequest request(String model, String providerModel, String input) {
        return new GenerationRequest("task_" + System.nanoTime(), model, providerModel, json.readTree(input));
    }

    private PollResult finish(Submission submission) {
        ProviderTaskRef ref = new ProviderTaskRef("t", submission.providerTaskId(), submission.providerRef());
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            last.set(adapter.poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_post_image_to_video_with_runway_field_names_when_model_is_gen4_turbo() {
        Submission submission = adapter.submit(request("runway-gen4", "gen4_turbo", GEN4.formatted("a fox")));

        JsonNode sent = json.readTree(simulator.creates().getFirst().body());
        assertThat(simulator.creates().getFirst().path()).isEqualTo("/v1/image_to_video");
        assertThat(sent.path("model").stringValue()).isEqualTo("gen4_turbo");
        assertThat(sent.path("promptImage").stringValue()).isEqualTo("https://example.com/a.png");
        assertThat(sent.path("ratio").stringValue()).isEqualTo("1280:720");
        assertThat(submission.providerRef()).isEqualTo("image_to_video");
    }

    @Test
    void should_stay_queued_while_throttled_then_succeed_when_organization_is_over_its_concurrency() {
        Submission submission = adapter
            .submit(request("runway-gen4", "gen4_turbo", GEN4.formatted("[sim:busy] a fox")));
        ProviderTaskRef ref = new ProviderTaskRef("t", submission.providerTaskId(), submission.providerRef());

        assertThat(adapter.poll(ref)).isEqualTo(PollResult.Pending.inQueue());
        assertThat(finish(submission)).isInstanceOf(PollResult.Succeeded.class);
    }

    @Test
    void should_create_a_text_to_image_task_when_model_is_gen4_image() {
        Submission submission = adapter
            .submit(request("gen4_image", "gen4_image", "{\"promptText\":\"a fox\",\"ratio\":\"1920:1080\"}"));

        PollResult last = finish(submission);

        assertThat(simulator.creates().getFirst().path()).isEqualTo("/v1/text_to_image");
        assertThat(last).isInstanceOfSatisfying(PollResult.Succeeded.class,
                done -> assertThat(((ProviderOutput.Remote) done.outputs().getFirst()).uri().getPath())
                    .endsWith(".png"));
    }

    @Test
    void should_explain_the_deprecation_when_runway_refuses_gen3a_turbo() {
        assertThatThrownBy(() -> adapter.submit(request("runwayml-gen3a-turbo", "gen3a_turbo", GEN3A)))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("gen3a_turbo")
            .hasMessageContaining("deprecated")
            .hasMessageContaining("runway-gen4");
    }

    @Test
    void should_run_gen3a_turbo_with_its_first_and_last_keyframes_when_runway_still_accepts_it() {
        simulator.close();
        start(RunwaySimulator.Config.defaults().withGen3aTurboAccepted(true));

        Submission submission = adapter.submit(request("runwayml-gen3a-turbo", "gen3a_turbo", GEN3A));

        assertThat(finish(submission)).isInstanceOf(PollResult.Succeeded.class);
        assertThat(json.readTree(simulator.creates().getFirst().body()).at("/promptImage/1/position").stringValue())
            .isEqualTo("last");
    }

    @Test
    void should_classify_refusals_when_runway_refuses_the_create() {
        assertThatThrownBy(
                () -> adapter.submit(request("runway-gen4", "gen4_turbo", GEN4.formatted("[sim:no-credits]"))))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(
                () -> adapter.submit(request("runway-gen4", "gen4_turbo", GEN4.formatted("[sim:daily-limit]"))))
            .isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter.submit(request("runway-gen4", "gen4_turbo",
                "{\"promptImage\":\"http://example.com/a.png\",\"ratio\":\"1280:720\"}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("promptImage");
        assertThatThrownBy(() -> adapter.poll(new ProviderTaskRef("t", "00000000-0000-0000-0000-000000000000", null)))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_map_failure_codes_when_tasks_fail() {
        assertThat(RunwayErrorClassifier.failure("SAFETY.INPUT.IMAGE", "Moderated").code())
            .isEqualTo(ErrorCode.CONTENT_POLICY);
        assertThat(RunwayErrorClassifier.failure("INPUT_PREPROCESSING.SAFETY.TEXT", null).code())
            .isEqualTo(ErrorCode.CONTENT_POLICY);
        assertThat(RunwayErrorClassifier.failure("ASSET.INVALID", "Bad image").code())
            .isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(RunwayErrorClassifier.failure("INTERNAL.BAD_OUTPUT.CODE01", null).code())
            .isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(RunwayErrorClassifier.failure(null, null).message()).isNotBlank();
    }

    @Test
    void should_report_progress_percent_when_task_is_running() {
        RunwayApi.Task running = new RunwayApi.Task("id", "RUNNING", null, 0.42, null, null, null);

        assertThat(RunwayStatus.RUNNING.toPollResult(running, java.util.List.of()))
            .isEqualTo(new PollResult.Pending(true, 42));
        assertThat(RunwayStatus.CANCELLED.toPollResult(running, java.util.List.of()))
            .isInstanceOf(PollResult.Failed.class);
    }

    @Test
    void should_be_unavailable_without_calling_runway_when_key_missing() {
        RunwayAdapter unconfigured = new RunwayAdapter(new RunwayProperties(URI.create(simulator.baseUrl()), null,
                "2024-11-06", Duration.ofSeconds(1), Duration.ofSeconds(1)), json, Clock.systemUTC());

        assertThatThrownBy(() -> unconfigured.submit(request("runway-gen4", "gen4_turbo", GEN4.formatted("x"))))
            .isInstanceOf(ProviderNotConfigured.class);
        assertThat(simulator.creates()).isEmpty();
    }

}
