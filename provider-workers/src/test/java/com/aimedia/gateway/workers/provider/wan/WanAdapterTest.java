package com.aimedia.gateway.workers.provider.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.wan.WanSimulator;
import com.aimedia.gateway.testsupport.MutableClock;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DashScope's quirks: UNKNOWN for missing/expired tasks, image tasks with filtered
 * results, the async header.
 */
class WanAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private WanSimulator simulator;

    private WanAdapter adapter;

    private void start(Clock simulatorClock) {
        simulator = WanSimulator.start(WanSimulator.Config.defaults()
            .withApiKey("sk-q")
            .withTimings(Duration.ofMillis(50), Duration.ofMillis(100))
            .withClock(simulatorClock));
        adapter = new WanAdapter(new WanProperties(URI.create(simulator.baseUrl()), "sk-q", null, Duration.ofSeconds(1),
                Duration.ofSeconds(2)), json);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private GenerationRequest request(String model, String input) {
        return new GenerationRequest("task_1", "m", model, json.readTree(input));
    }

    private PollResult finish(Submission submission) {
        ProviderTaskRef ref = new ProviderTaskRef("task_1", submission.providerTaskId(), submission.providerRef());
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25)).until(() -> {
            last.set(adapter.poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_send_image_models_to_image_synthesis_and_return_every_url() {
        start(Clock.systemUTC());
        Submission submission = adapter
            .submit(request("wan2.2-t2i-plus", "{\"prompt\":\"a fox\",\"n\":2,\"size\":\"1024*1024\"}"));

        PollResult result = finish(submission);

        assertThat(submission.providerRef()).isEqualTo("image");
        JsonNode body = json.readTree(simulator.submitBodies().getFirst());
        assertThat(body.get("parameters").get("n").asInt()).isEqualTo(2);
        assertThat(body.get("input").get("prompt").asString()).isEqualTo("a fox");
        assertThat(result).isInstanceOfSatisfying(PollResult.Succeeded.class,
                ok -> assertThat(ok.outputs()).hasSize(2));
    }

    @Test
    void should_fail_not_found_and_never_succeed_when_task_outlives_retention() {
        start(clock);
        Submission submission = adapter.submit(request("wan2.1-t2v-plus", "{\"prompt\":\"a fox\"}"));
        ProviderTaskRef ref = new ProviderTaskRef("task_1", submission.providerTaskId(), submission.providerRef());

        clock.advance(Duration.ofSeconds(1));
        PollResult done = adapter.poll(ref);
        clock.advance(Duration.ofHours(25));
        PollResult later = adapter.poll(ref);

        assertThat(done).isInstanceOf(PollResult.Succeeded.class);
        assertThat(later).isInstanceOfSatisfying(PollResult.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(failed.message()).contains("expired");
        });
    }

    @Test
    void should_fail_not_found_when_task_id_is_unknown() {
        start(Clock.systemUTC());

        PollResult result = adapter
            .poll(new ProviderTaskRef("task_1", "0385dc79-0000-0000-0000-000000000000", "video"));

        assertThat(result).isInstanceOfSatisfying(PollResult.Failed.class,
                failed -> assertThat(failed.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void should_map_input_fields_when_image_to_video() {
        start(Clock.systemUTC());

        adapter.submit(request("wanx2.1-i2v-turbo", "{\"prompt\":\"runs\",\"img_url\":\"https://x/a.png\","
                + "\"resolution\":\"720P\",\"duration\":5,\"prompt_extend\":false}"));

        assertThat(json.readTree(simulator.submitBodies().getFirst())).isEqualTo(json.readTree(
                "{\"model\":\"wanx2.1-i2v-turbo\",\"input\":{\"prompt\":\"runs\",\"img_url\":\"https://x/a.png\"},"
                        + "\"parameters\":{\"resolution\":\"720P\",\"duration\":5,\"prompt_extend\":false}}"));
    }

    @Test
    void should_classify_submit_errors_by_code_when_http_400() {
        start(Clock.systemUTC());

        assertThatThrownBy(() -> adapter.submit(request("wan2.1-t2v-turbo", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(request("wan2.1-t2v-turbo", "{\"prompt\":\"[sim:reject-content]\"}")))
            .isInstanceOf(ContentRejected.class);
        assertThatThrownBy(() -> adapter.submit(request("wanx2.1-i2v-turbo", "{\"prompt\":\"no image\"}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("img_url");
    }

}
