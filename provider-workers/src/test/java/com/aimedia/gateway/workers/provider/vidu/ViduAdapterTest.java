package com.aimedia.gateway.workers.provider.vidu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.vidu.ViduSimulator;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ContentRejected;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ViduAdapterTest {

    private static final String KEY = "sim-vidu-api-key";

    private final JsonMapper json = JsonMapper.builder().build();

    private ViduSimulator simulator;

    private ViduAdapter adapter;

    @BeforeEach
    void start() {
        simulator = ViduSimulator.start(ViduSimulator.Config.defaults()
            .withConcurrencyLimit(1)
            .withTimings(Duration.ofMillis(20), Duration.ofMillis(400)));
        adapter = adapter(KEY);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ViduAdapter adapter(String key) {
        return new ViduAdapter(new ViduProperties(URI.create(simulator.baseUrl()), key, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMinutes(5)), json, Clock.systemUTC());
    }

    private GenerationRequest request(String taskId, String model, String input, URI callback) {
        return new GenerationRequest(taskId, "vidu-" + model, model, json.readTree(input), callback);
    }

    private GenerationRequest request(String taskId, String model, String input) {
        return request(taskId, model, input, null);
    }

    @Test
    void should_use_token_scheme_and_pass_payload_and_callback_when_submitting() {
        adapter.submit(request("task_a", "viduq2", "{\"prompt\":\"p\",\"duration\":5,\"bgm\":true}",
                URI.create("https://gw.example/provider-callbacks/vidu/task_a?signature=s")));
        adapter.submit(request("task_b", "viduq2", "{\"prompt\":\"p\",\"payload\":\"client-data\"}"));

        JsonNode first = json.readTree(simulator.createRequests().get(0).body());
        JsonNode second = json.readTree(simulator.createRequests().get(1).body());
        assertThat(simulator.createRequests().get(0).endpoint()).isEqualTo("text2video");
        assertThat(first.path("payload").stringValue()).isEqualTo("task_a");
        assertThat(first.path("callback_url").stringValue()).endsWith("/provider-callbacks/vidu/task_a?signature=s");
        assertThat(first.path("bgm").asBoolean()).isTrue();
        assertThat(second.path("payload").stringValue()).isEqualTo("client-data");
        assertThat(second.has("callback_url")).isFalse();
    }

    @Test
    void should_choose_the_endpoint_from_images_or_generation_when_submitting() {
        adapter.submit(request("t1", "vidu2.0", "{\"images\":[\"https://e.x/a.png\"]}"));
        adapter.submit(request("t2", "vidu2.0", "{\"images\":[\"https://e.x/a.png\",\"https://e.x/b.png\"]}"));
        adapter.submit(request("t3", "vidu2.0",
                "{\"prompt\":\"p\",\"images\":[\"https://e.x/a.png\"],\"generation\":\"reference2video\"}"));

        assertThat(simulator.createRequests()).extracting(ViduSimulator.RecordedCreate::endpoint)
            .containsExactly("img2video", "start-end2video", "reference2video");
        assertThat(json.readTree(simulator.createRequests().get(2).body()).has("generation")).isFalse();
    }

    @Test
    void should_stay_queued_when_over_the_organisation_concurrency() {
        // the first task runs long enough that the second is still queueing when polled,
        // even on a loaded machine
        simulator.close();
        simulator = ViduSimulator.start(ViduSimulator.Config.defaults()
            .withConcurrencyLimit(1)
            .withTimings(Duration.ofMillis(20), Duration.ofSeconds(3)));
        adapter = adapter(KEY);
        Submission running = adapter.submit(request("t1", "viduq2", "{\"prompt\":\"one\"}"));
        Submission waiting = adapter.submit(request("t2", "viduq2", "{\"prompt\":\"two\"}"));
        ProviderTaskRef first = new ProviderTaskRef("t1", running.providerTaskId(), null);
        ProviderTaskRef second = new ProviderTaskRef("t2", waiting.providerTaskId(), null);

        await().atMost(Duration.ofSeconds(2))
            .until(() -> "queueing".equals(simulator.stateOf(waiting.providerTaskId())));

        assertThat(adapter.poll(second)).isEqualTo(PollResult.Pending.inQueue());
        assertThat(adapter.poll(first)).isInstanceOf(PollResult.Pending.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> adapter.poll(second) instanceof PollResult.Succeeded);
    }

    @Test
    void should_classify_refusals_when_vidu_refuses_the_request() {
        assertThatThrownBy(() -> adapter.submit(request("t1", "viduq2", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class)
            .hasMessageContaining("credits");
        assertThatThrownBy(() -> adapter.submit(request("t2", "viduq2", "{\"prompt\":\"[sim:reject-content]\"}")))
            .isInstanceOf(ContentRejected.class)
            .hasMessageContaining("content policy");
        assertThatThrownBy(() -> adapter.submit(request("t3", "viduq2", "{\"prompt\":\"[sim:busy]\"}")))
            .isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter.submit(request("t4", "vidu2.0", "{\"prompt\":\"text only\"}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("FieldInvalid");
    }

    @Test
    void should_accept_the_simulators_signed_callback_and_refuse_a_forged_one() throws IOException {
        List<ProviderCallback> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                Map<String, List<String>> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                String target = exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery();
                received.add(new ProviderCallback("task_cb", exchange.getRequestMethod(), target, headers,
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        try {
            URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/provider-callbacks/vidu/task_cb?signature=abc");
            adapter.submit(request("task_cb", "viduq2", "{\"prompt\":\"p\"}", callback));

            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);

            for (ProviderCallback each : received) {
                assertThatCode(() -> adapter.verifyCallback(each)).doesNotThrowAnyException();
            }
            ProviderCallback genuine = received.getFirst();
            assertThatThrownBy(() -> adapter("another-key").verifyCallback(genuine))
                .isInstanceOf(AuthenticationFailed.class);
            assertThatThrownBy(() -> adapter.verifyCallback(new ProviderCallback("other_task", "POST",
                    "/provider-callbacks/vidu/other_task?signature=abc", genuine.headers(), genuine.body())))
                .isInstanceOf(AuthenticationFailed.class);
            assertThatThrownBy(() -> adapter
                .verifyCallback(new ProviderCallback("task_cb", "POST", "", genuine.headers(), genuine.body())))
                .isInstanceOf(AuthenticationFailed.class);
        }
        finally {
            receiver.stop(0);
        }
    }

    @Test
    void should_be_unavailable_without_calling_vidu_when_the_key_is_missing() {
        ViduAdapter unconfigured = adapter(" ");

        assertThat(unconfigured.isConfigured()).isFalse();
        assertThatThrownBy(() -> unconfigured.submit(request("t", "viduq2", "{\"prompt\":\"p\"}")))
            .isInstanceOf(ProviderNotConfigured.class);
        assertThat(simulator.createRequests()).isEmpty();
    }

}
