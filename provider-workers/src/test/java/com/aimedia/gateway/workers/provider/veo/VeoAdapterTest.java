package com.aimedia.gateway.workers.provider.veo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.veo.VeoSimulator;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VeoAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private VeoSimulator simulator;

    @BeforeEach
    void start() {
        simulator = VeoSimulator
            .start(VeoSimulator.Config.defaults().withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private VeoAdapter gemini(String key) {
        return new VeoAdapter(new VeoProperties(VeoProperties.Endpoint.GEMINI, URI.create(simulator.baseUrl()), key,
                null, null, "us-central1", null, URI.create("https://storage.googleapis.com"), Duration.ofSeconds(1),
                Duration.ofSeconds(2)), json);
    }

    private VeoAdapter vertex(String project, String token) {
        return new VeoAdapter(
                new VeoProperties(VeoProperties.Endpoint.VERTEX, URI.create("https://unused.invalid/v1beta"), null,
                        URI.create(simulator.vertexBaseUrl()), project, "us-central1", token,
                        URI.create("https://storage.googleapis.com"), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                json);
    }

    private GenerationRequest request(String model, String input) {
        return new GenerationRequest("task_v", "veo-3", model, json.readTree(input));
    }

    private PollResult finish(VeoAdapter adapter, Submission submission) {
        ProviderTaskRef ref = new ProviderTaskRef("task_v", submission.providerTaskId(), submission.providerRef());
        AtomicReference<PollResult> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            last.set(adapter.poll(ref));
            return !(last.get() instanceof PollResult.Pending);
        });
        return last.get();
    }

    @Test
    void should_split_instance_and_parameters_and_keep_the_operation_name_when_submitting() {
        Submission submission = gemini("sim-veo-api-key").submit(request("veo-3.1-generate-preview",
                "{\"prompt\":\"p\",\"negativePrompt\":\"n\",\"durationSeconds\":6,\"resolution\":\"1080p\"}"));

        JsonNode sent = json.readTree(simulator.submitRequests().getFirst());
        assertThat(sent.path("instances").path(0).path("prompt").stringValue()).isEqualTo("p");
        assertThat(sent.path("parameters").path("negativePrompt").stringValue()).isEqualTo("n");
        assertThat(sent.path("parameters").path("durationSeconds").asInt()).isEqualTo(6);
        assertThat(submission.providerTaskId()).startsWith("models/veo-3.1-generate-preview/operations/");
        assertThat(submission.providerRef()).isEqualTo("gemini");
    }

    @Test
    void should_hand_over_the_api_key_header_when_the_file_uri_needs_it() throws Exception {
        PollResult result = finish(gemini("sim-veo-api-key"), gemini("sim-veo-api-key")
            .submit(request("veo-3.0-generate-001", "{\"prompt\":\"p\",\"sampleCount\":2}")));

        ProviderOutput.Remote output = (ProviderOutput.Remote) ((PollResult.Succeeded) result).outputs().getFirst();
        assertThat(((PollResult.Succeeded) result).outputs()).hasSize(2);
        assertThat(output.headers()).containsEntry("x-goog-api-key", "sim-veo-api-key");
        HttpResponse<byte[]> withoutKey = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(output.uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(withoutKey.statusCode()).isEqualTo(403);
    }

    @Test
    void should_drop_the_api_key_when_an_operation_names_a_file_on_another_host() {
        OutputHosts keyHosts = new OutputHosts(java.util.List.of("generativelanguage.googleapis.com:443"));
        ProviderOutput foreign = new ProviderOutput.Remote(URI.create("https://attacker.example.com/files/x"),
                java.util.Map.of("x-goog-api-key", "secret"));
        ProviderOutput own = new ProviderOutput.Remote(
                URI.create("https://generativelanguage.googleapis.com/v1beta/files/x:download?alt=media"),
                java.util.Map.of("x-goog-api-key", "secret"));

        assertThat(VeoAdapter.keyOnlyFor(keyHosts, foreign)).isInstanceOfSatisfying(ProviderOutput.Remote.class,
                remote -> assertThat(remote.headers()).isEmpty());
        assertThat(VeoAdapter.keyOnlyFor(keyHosts, own)).isInstanceOfSatisfying(ProviderOutput.Remote.class,
                remote -> assertThat(remote.headers()).containsKey("x-goog-api-key"));
        assertThat(gemini("k").outputHosts().permits(URI.create("https://attacker.example.com/x"))).isFalse();
    }

    @Test
    void should_fail_with_content_policy_and_the_reason_when_done_with_zero_samples() {
        VeoAdapter adapter = gemini("sim-veo-api-key");

        PollResult result = finish(adapter,
                adapter.submit(request("veo-3.0-generate-001", "{\"prompt\":\"[sim:content-policy]\"}")));

        assertThat(result).isInstanceOfSatisfying(PollResult.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.CONTENT_POLICY);
            assertThat(failed.message()).contains("content policy").contains("usage guidelines");
        });
    }

    @Test
    void should_run_on_vertex_with_a_bearer_token_and_inline_videos() {
        VeoAdapter adapter = vertex("my-project", "sim-vertex-token");

        Submission submission = adapter
            .submit(request("veo-3.1-generate-001", "{\"prompt\":\"p\",\"seed\":7,\"generateAudio\":true}"));
        PollResult result = finish(adapter, submission);

        assertThat(submission.providerTaskId()).startsWith(
                "projects/my-project/locations/us-central1/publishers/google/models/veo-3.1-generate-001/operations/");
        assertThat(submission.providerRef()).isEqualTo("vertex");
        assertThat(((PollResult.Succeeded) result).outputs().getFirst()).isInstanceOfSatisfying(
                ProviderOutput.Inline.class, inline -> assertThat(inline.contentType()).isEqualTo("video/mp4"));
        assertThatThrownBy(
                () -> vertex("my-project", "stale-token").submit(request("veo-3.0-generate-001", "{\"prompt\":\"p\"}")))
            .isInstanceOf(AuthenticationFailed.class);
    }

    @Test
    void should_classify_google_errors_when_the_gemini_api_refuses() {
        VeoAdapter adapter = gemini("sim-veo-api-key");

        assertThatThrownBy(() -> adapter.submit(request("veo-3.0-generate-001", "{\"prompt\":\"p\",\"seed\":1}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("Vertex AI");
        assertThatThrownBy(() -> adapter.submit(request("veo-3.0-generate-001", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class)
            .hasMessageContaining("credits");
        assertThatThrownBy(() -> gemini("wrong").submit(request("veo-3.0-generate-001", "{\"prompt\":\"p\"}")))
            .isInstanceOf(AuthenticationFailed.class)
            .hasMessageContaining("API_KEY_INVALID");
        assertThatThrownBy(() -> gemini(" ").submit(request("veo-3.0-generate-001", "{\"prompt\":\"p\"}")))
            .isInstanceOf(ProviderNotConfigured.class);
    }

}
