package com.aimedia.gateway.workers.provider.luma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.luma.LumaSimulator;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
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
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LumaAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private LumaSimulator simulator;

    private LumaAdapter adapter;

    @BeforeEach
    void start() {
        simulator = LumaSimulator
            .start(LumaSimulator.Config.defaults().withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = adapter(LumaSimulator.Config.DEFAULT_API_KEY);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private LumaAdapter adapter(String key) {
        return new LumaAdapter(
                new LumaProperties(URI.create(simulator.baseUrl()), key, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                json, Clock.systemUTC());
    }

    private GenerationRequest request(String model, String providerModel, String input, URI callback) {
        return new GenerationRequest("task_" + System.nanoTime(), model, providerModel, json.readTree(input), callback);
    }

    @Test
    void should_post_video_body_with_callback_url_when_model_is_ray() {
        URI callback = URI.create("https://gw.example/provider-callbacks/luma/task_1?signature=abc");

        Submission submission = adapter.submit(request("luma-ray-2", "ray-2",
                "{\"prompt\":\"a fox\",\"duration\":5,\"keyframes\":{\"frame0\":{\"type\":\"image\",\"url\":\"https://example.com/a.jpg\"}}}",
                callback));

        JsonNode sent = json.readTree(simulator.creates().getFirst().body());
        assertThat(simulator.creates().getFirst().path()).isEqualTo("/dream-machine/v1/generations/video");
        assertThat(sent.path("model").stringValue()).isEqualTo("ray-2");
        assertThat(sent.path("generation_type").stringValue()).isEqualTo("video");
        assertThat(sent.path("duration").stringValue()).isEqualTo("5s");
        assertThat(sent.at("/keyframes/frame0/url").stringValue()).isEqualTo("https://example.com/a.jpg");
        assertThat(sent.path("callback_url").stringValue()).isEqualTo(callback.toString());
        assertThat(submission.providerRef()).isEqualTo("video");
    }

    @Test
    void should_return_the_image_asset_when_photon_generation_completes() {
        Submission submission = adapter.submit(new GenerationRequest("task_p", "luma-photon", "photon-1",
                json.readTree("{\"prompt\":\"a fox\",\"format\":\"png\"}")));
        ProviderTaskRef ref = new ProviderTaskRef("task_p", submission.providerTaskId(), submission.providerRef());

        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.poll(ref) instanceof PollResult.Succeeded);

        assertThat(simulator.creates().getFirst().path()).isEqualTo("/dream-machine/v1/generations/image");
        PollResult.Succeeded done = (PollResult.Succeeded) adapter.poll(ref);
        assertThat(((ProviderOutput.Remote) done.outputs().getFirst()).uri().getPath()).endsWith(".png");
    }

    @Test
    void should_complete_at_submit_time_when_photon_runs_synchronously() {
        Submission submission = adapter.submit(new GenerationRequest("task_s", "luma-photon", "photon-1",
                json.readTree("{\"prompt\":\"a fox\",\"sync\":true}")));

        assertThat(submission.isCompleted()).isTrue();
        assertThat(((ProviderOutput.Remote) submission.outputs().getFirst()).uri().getPath()).endsWith(".jpg");
    }

    @Test
    void should_classify_refusals_when_luma_refuses_the_create() {
        assertThatThrownBy(() -> adapter.submit(new GenerationRequest("t1", "luma-ray-2", "ray-2",
                json.readTree("{\"prompt\":\"[sim:no-credits] fox\"}"))))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(
                new GenerationRequest("t2", "luma-ray-2", "ray-2", json.readTree("{\"prompt\":\"[sim:busy] fox\"}"))))
            .isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter
            .submit(new GenerationRequest("t3", "luma-ray-2", "ray-2", json.readTree("{\"prompt\":\"ab\"}"))))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("too short");
        assertThatThrownBy(
                () -> adapter.poll(new ProviderTaskRef("t4", "00000000-0000-0000-0000-000000000000", "video")))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_map_moderation_detail_to_content_policy_when_create_is_refused() {
        assertThat(LumaErrorClassifier.classify(400, "Prompt contains blacklisted words", null))
            .isInstanceOf(ContentRejected.class);
    }

    @Test
    void should_post_generation_json_to_callback_url_when_state_changes() throws IOException {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb?signature=s");
            adapter.submit(request("luma-ray-2", "ray-2", "{\"prompt\":\"a fox\"}", callback));

            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);

            assertThat(received).extracting(node -> node.path("state").stringValue())
                .containsExactly("dreaming", "completed");
            assertThat(received.get(1).at("/assets/video").stringValue()).endsWith(".mp4");
        }
        finally {
            receiver.stop(0);
        }
    }

    @Test
    void should_be_unavailable_without_calling_luma_when_key_missing() {
        assertThatThrownBy(() -> adapter(" ")
            .submit(new GenerationRequest("t", "luma-ray-2", "ray-2", json.readTree("{\"prompt\":\"a fox\"}"))))
            .isInstanceOf(ProviderNotConfigured.class);
        assertThat(simulator.creates()).isEmpty();
    }

}
