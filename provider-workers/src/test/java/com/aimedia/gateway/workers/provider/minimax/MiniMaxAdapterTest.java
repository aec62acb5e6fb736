package com.aimedia.gateway.workers.provider.minimax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.minimax.MiniMaxError;
import com.aimedia.gateway.simulators.minimax.MiniMaxSimulator;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.ProviderUnavailable;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MiniMaxAdapterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private MiniMaxSimulator simulator;

    private MiniMaxAdapter adapter;

    @BeforeEach
    void start() {
        simulator = MiniMaxSimulator
            .start(MiniMaxSimulator.Config.defaults().withTimings(Duration.ofMillis(50), Duration.ofMillis(150)));
        adapter = new MiniMaxAdapter(new MiniMaxProperties(URI.create(simulator.baseUrl()), "sim-minimax-api-key",
                Duration.ofSeconds(1), Duration.ofSeconds(2)), json);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private GenerationRequest request(String taskId, String input, URI callback) {
        return new GenerationRequest(taskId, "minimax-video-01", "MiniMax-Hailuo-02", json.readTree(input), callback);
    }

    @Test
    void should_fetch_the_download_url_with_files_retrieve_when_the_task_succeeds() {
        Submission submission = adapter
            .submit(request("t1", "{\"prompt\":\"p\",\"duration\":6,\"resolution\":\"1080P\"}", null));
        ProviderTaskRef ref = new ProviderTaskRef("t1", submission.providerTaskId(), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.poll(ref) instanceof PollResult.Succeeded);

        ProviderOutput output = ((PollResult.Succeeded) adapter.poll(ref)).outputs().getFirst();
        assertThat(((ProviderOutput.Remote) output).uri().getPath()).startsWith("/download/video/");
        assertThat(((ProviderOutput.Remote) output).headers()).isEmpty();
        assertThat(submission.providerTaskId()).matches("\\d+");
    }

    @Test
    void should_retry_the_poll_when_files_retrieve_fails() {
        Submission submission = adapter.submit(request("t2", "{\"prompt\":\"p\"}", null));
        ProviderTaskRef ref = new ProviderTaskRef("t2", submission.providerTaskId(), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.poll(ref) instanceof PollResult.Succeeded);
        simulator.failNextRetrieve(MiniMaxError.internal());

        assertThatThrownBy(() -> adapter.poll(ref)).isInstanceOf(ProviderUnavailable.class);
        assertThat(adapter.poll(ref)).isInstanceOf(PollResult.Succeeded.class);
    }

    @Test
    void should_classify_errors_inside_http_200_when_minimax_refuses() {
        assertThatThrownBy(() -> adapter.submit(request("a", "{\"prompt\":\"[sim:no-credits]\"}", null)))
            .isInstanceOf(InsufficientCredits.class)
            .hasMessageContaining("credits");
        assertThatThrownBy(() -> adapter.submit(request("b", "{\"prompt\":\"[sim:reject-content]\"}", null)))
            .isInstanceOf(ContentRejected.class)
            .hasMessageContaining("content policy");
        assertThatThrownBy(() -> adapter.submit(request("c", "{\"prompt\":\"[sim:real-name]\"}", null)))
            .isInstanceOf(AuthenticationFailed.class)
            .hasMessageContaining("real-name");
        assertThatThrownBy(
                () -> adapter.submit(request("d", "{\"prompt\":\"p\",\"duration\":10,\"resolution\":\"1080P\"}", null)))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("1080P");
    }

    @Test
    void should_pass_the_callback_url_and_receive_pushes_after_the_challenge_when_a_receiver_echoes_it()
            throws IOException {
        List<JsonNode> pushes = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                byte[] answer = body.has("challenge") ? json.writeValueAsBytes(body)
                        : "{}".getBytes(StandardCharsets.UTF_8);
                if (!body.has("challenge")) {
                    pushes.add(body);
                }
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        receiver.start();
        try {
            URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb?signature=x");
            adapter.submit(request("t3", "{\"prompt\":\"p\"}", callback));

            await().atMost(Duration.ofSeconds(5))
                .until(() -> pushes.stream().anyMatch(push -> "success".equals(push.path("status").asString())));

            assertThat(json.readTree(simulator.createRequests().getFirst()).path("callback_url").asString())
                .isEqualTo(callback.toString());
        }
        finally {
            receiver.stop(0);
        }
    }

    @Test
    void should_echo_the_challenge_without_polling_when_minimax_opens_its_callbacks() {
        ProviderCallback challenge = new ProviderCallback("task_1", java.util.Map.of(),
                "{\"challenge\":\"c-123\"}".getBytes(StandardCharsets.UTF_8));
        ProviderCallback statusPush = new ProviderCallback("task_1", java.util.Map.of(),
                "{\"task_id\":\"1\",\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.callbackHandshake(challenge)).contains("{\"challenge\":\"c-123\"}");
        assertThat(adapter.callbackHandshake(statusPush)).isEmpty();
        assertThat(adapter.callbackHandshake(new ProviderCallback("task_1", java.util.Map.of(), new byte[0])))
            .isEmpty();
    }

}
