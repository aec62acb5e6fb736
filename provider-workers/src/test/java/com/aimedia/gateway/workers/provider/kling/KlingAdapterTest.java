package com.aimedia.gateway.workers.provider.kling;

import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderTimeout;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KlingAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private KlingSimulator simulator;

    private KlingAdapter adapter;

    @BeforeEach
    void start() {
        simulator = KlingSimulator
            .start(KlingSimulator.Config.defaults().withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = adapter("sim-kling-access-key", "sim-kling-secret-key");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private KlingAdapter adapter(String accessKey, String secretKey) {
        return new KlingAdapter(new KlingProperties(URI.create(simulator.baseUrl()), accessKey, secretKey,
                Duration.ofSeconds(1), Duration.ofSeconds(2)), json, Clock.systemUTC());
    }

    private GenerationRequest request(String taskId, String input) {
        return new GenerationRequest(taskId, "kling-v2", "kling-v2-master", json.readTree(input));
    }

    @Test
    void should_send_duration_string_model_and_external_task_id_when_submitting() {
        Submission submission = adapter.submit(request("task_a", "{\"prompt\":\"p\",\"duration\":10}"));

        JsonNode sent = json.readTree(simulator.createRequests().getFirst().body());
        assertThat(simulator.createRequests().getFirst().path()).isEqualTo("/v1/videos/text2video");
        assertThat(sent.path("duration").stringValue()).isEqualTo("10");
        assertThat(sent.path("model_name").stringValue()).isEqualTo("kling-v2-master");
        assertThat(sent.path("external_task_id").stringValue()).isEqualTo("task_a");
        assertThat(submission.providerRef()).isEqualTo("text2video");
        assertThat(submission.providerTaskId()).matches("\\d+");
    }

    @Test
    void should_submit_and_poll_image2video_when_input_has_an_image() throws Exception {
        Submission submission = adapter
            .submit(request("task_i", "{\"prompt\":\"p\",\"image\":\"https://example.com/a.png\"}"));
        ProviderTaskRef ref = new ProviderTaskRef("task_i", submission.providerTaskId(), submission.providerRef());

        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.poll(ref) instanceof PollResult.Succeeded);

        assertThat(simulator.createRequests().getFirst().path()).isEqualTo("/v1/videos/image2video");
        assertThat(submission.providerRef()).isEqualTo("image2video");
        URI url = ((ProviderOutput.Remote) ((PollResult.Succeeded) adapter.poll(ref)).outputs().getFirst()).uri();
        HttpResponse<byte[]> video = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void should_tell_concurrency_limit_from_billing_when_kling_answers_429() {
        assertThatThrownBy(() -> adapter.submit(request("task_b", "{\"prompt\":\"[sim:busy]\"}")))
            .isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter.submit(request("task_c", "{\"prompt\":\"[sim:arrears]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(request("task_d", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThat(adapter.submit(request("task_b", "{\"prompt\":\"[sim:busy]\"}")).providerTaskId()).isNotBlank();
    }

    @Test
    void should_classify_refusals_when_kling_refuses_the_request() {
        assertThatThrownBy(() -> adapter.submit(request("task_e", "{\"prompt\":\"[sim:reject-content]\"}")))
            .isInstanceOf(ContentRejected.class);
        assertThatThrownBy(() -> adapter.submit(request("task_f", "{\"prompt\":\"p\",\"duration\":7}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageStartingWith("Invalid parameter: ");
        assertThatThrownBy(() -> adapter.submit(request("task_g", "{\"prompt\":\"[sim:server-error]\"}")))
            .isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> adapter.poll(new ProviderTaskRef("task_h", "123", "text2video")))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_find_the_task_by_external_task_id_when_submit_outcome_was_lost() {
        GenerationRequest lost = request("task_lost", "{\"prompt\":\"[sim:lost-response]\"}");
        assertThatThrownBy(() -> adapter.submit(lost)).isInstanceOf(ProviderTimeout.class);

        Submission recovered = adapter.recover(lost).orElseThrow();

        assertThat(recovered.providerTaskId()).isEqualTo(simulator.taskIdForExternalId("task_lost").orElseThrow());
        assertThat(recovered.providerRef()).isEqualTo("text2video");
        assertThat(simulator.jobsCreated()).as("the lost answer's job, and no second one").isEqualTo(1);
    }

    @Test
    void should_recover_nothing_when_kling_never_created_the_task() {
        assertThat(adapter.recover(request("task_never", "{\"prompt\":\"p\"}"))).isEmpty();
    }

    @Test
    void should_be_unavailable_without_calling_kling_when_credentials_missing() {
        KlingAdapter unconfigured = adapter(null, " ");

        assertThatThrownBy(() -> unconfigured.submit(request("task_x", "{\"prompt\":\"p\"}")))
            .isInstanceOf(ProviderNotConfigured.class)
            .hasMessageContaining("not configured");
        assertThat(simulator.createRequests()).isEmpty();
    }

}
