package com.aimedia.gateway.workers.provider.doubao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.doubao.DoubaoSimulator;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ark's quirks: flags in the text for Seedance 1.0, top-level fields for newer models,
 * callbacks, billing 403.
 */
class DoubaoAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private DoubaoSimulator simulator;

    private DoubaoAdapter adapter;

    private HttpServer receiver;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        simulator = DoubaoSimulator.start(DoubaoSimulator.Config.defaults()
            .withApiKey("ark-q")
            .withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        adapter = new DoubaoAdapter(new DoubaoProperties(URI.create(simulator.baseUrl()), "ark-q",
                Duration.ofSeconds(1), Duration.ofSeconds(2)), json);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    private GenerationRequest request(String model, String input, URI callback) {
        return new GenerationRequest("task_1", "m", model, json.readTree(input), callback);
    }

    @Test
    void should_put_parameters_as_text_flags_when_model_is_seedance_1_0() {
        adapter.submit(request("doubao-seedance-1-0-pro-250528",
                "{\"prompt\":\"a cat\",\"ratio\":\"16:9\","
                        + "\"resolution\":\"1080p\",\"duration\":5,\"seed\":7,\"first_frame\":\"https://x/f.png\"}",
                null));

        JsonNode body = json.readTree(simulator.createBodies().getFirst());
        assertThat(body.get("content").get(0).get("text").asString())
            .isEqualTo("a cat --ratio 16:9 --resolution 1080p --duration 5 --seed 7");
        assertThat(body.get("content").get(1).get("role").asString()).isEqualTo("first_frame");
        assertThat(body.get("content").get(1).get("image_url").get("url").asString()).isEqualTo("https://x/f.png");
        assertThat(body.has("ratio")).isFalse();
    }

    @Test
    void should_put_parameters_top_level_when_model_is_seedance_1_5() {
        adapter.submit(request("doubao-seedance-1-5-pro-251215",
                "{\"prompt\":\"a cat\",\"ratio\":\"16:9\"," + "\"duration\":5,\"generate_audio\":true}", null));

        JsonNode body = json.readTree(simulator.createBodies().getFirst());
        assertThat(body.get("content").get(0).get("text").asString()).isEqualTo("a cat");
        assertThat(body.get("ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("duration").asInt()).isEqualTo(5);
        assertThat(body.get("generate_audio").asBoolean()).isTrue();
    }

    @Test
    void should_pass_callback_url_and_receive_task_object_when_task_changes() {
        URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb?signature=s");
        Submission submission = adapter
            .submit(request("doubao-seedance-1-0-pro-250528", "{\"prompt\":\"a cat\"}", callback));

        assertThat(json.readTree(simulator.createBodies().getFirst()).get("callback_url").asString())
            .isEqualTo(callback.toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(b -> b.contains("\"succeeded\"")));
        assertThat(adapter.poll(new ProviderTaskRef("task_1", submission.providerTaskId(), null)))
            .isInstanceOfSatisfying(PollResult.Succeeded.class, ok -> assertThat(ok.outputs()).hasSize(1));
    }

    @Test
    void should_throw_insufficient_credits_when_account_is_overdue() {
        assertThatThrownBy(() -> adapter
            .submit(request("doubao-seedance-1-0-pro-250528", "{\"prompt\":\"[sim:no-credits]\"}", null)))
            .isInstanceOf(InsufficientCredits.class);
    }

    @Test
    void should_throw_content_rejected_when_input_text_is_sensitive() {
        assertThatThrownBy(() -> adapter
            .submit(request("doubao-seedance-1-0-pro-250528", "{\"prompt\":\"[sim:reject-content]\"}", null)))
            .isInstanceOf(ContentRejected.class);
    }

    @Test
    void should_throw_not_found_when_model_does_not_exist() {
        assertThatThrownBy(() -> adapter.submit(request("doubao-seedance-9", "{\"prompt\":\"a\"}", null)))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_return_video_and_last_frame_when_return_last_frame_is_set() {
        Submission submission = adapter.submit(
                request("doubao-seedance-1-0-pro-250528", "{\"prompt\":\"a cat\",\"return_last_frame\":true}", null));
        ProviderTaskRef ref = new ProviderTaskRef("task_1", submission.providerTaskId(), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> !(adapter.poll(ref) instanceof PollResult.Pending));

        assertThat(adapter.poll(ref)).isInstanceOfSatisfying(PollResult.Succeeded.class,
                ok -> assertThat(ok.outputs()).hasSize(2));
    }

}
