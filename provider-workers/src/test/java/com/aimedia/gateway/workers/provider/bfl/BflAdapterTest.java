package com.aimedia.gateway.workers.provider.bfl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.bfl.BflSimulator;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderNotConfigured;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

class BflAdapterTest {

    private static final String KEY = "bfl-test-key";

    private final JsonMapper json = JsonMapper.builder().build();

    private final List<Map<String, List<String>>> sinkHeaders = new CopyOnWriteArrayList<>();

    private final List<byte[]> sinkBodies = new CopyOnWriteArrayList<>();

    private BflSimulator simulator;

    private HttpServer sink;

    @BeforeEach
    void start() throws Exception {
        simulator = BflSimulator.start(new BflSimulator.Config(KEY, Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(1500), 24, Clock.systemUTC()));
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            sinkHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            sinkBodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        sink.stop(0);
    }

    private BflAdapter adapter(String webhookSecret) {
        String regional = URI.create(simulator.regionalOrigin()).getAuthority();
        return new BflAdapter(new BflProperties(URI.create(simulator.baseUrl()), KEY, List.of("*.bfl.ai", regional),
                webhookSecret, Duration.ofSeconds(1), Duration.ofSeconds(2)), json);
    }

    private GenerationRequest request(String taskId, String input) {
        return new GenerationRequest(taskId, "flux-pro", "flux-pro-1.1", json.readTree(input));
    }

    private PollResult finish(BflAdapter adapter, ProviderTaskRef ref) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !(adapter.poll(ref) instanceof PollResult.Pending));
        return adapter.poll(ref);
    }

    private String sinkOrigin() {
        return "http://" + sink.getAddress().getHostString() + ":" + sink.getAddress().getPort();
    }

    @Test
    void should_poll_the_regional_polling_url_and_download_the_sample_without_the_key_when_task_is_ready()
            throws Exception {
        BflAdapter adapter = adapter(null);
        Submission submission = adapter
            .submit(request("task_a", "{\"prompt\":\"a fox\",\"width\":1024,\"height\":768}"));
        ProviderTaskRef ref = new ProviderTaskRef("task_a", submission.providerTaskId(), submission.providerRef());

        PollResult result = finish(adapter, ref);

        assertThat(submission.providerRef()).startsWith(simulator.regionalOrigin() + "/v1/get_result?id=");
        assertThat(simulator.requests()).filteredOn(r -> r.uri().startsWith("/v1/get_result"))
            .allSatisfy(r -> assertThat(r.host()).isEqualTo("regional"));
        ProviderOutput.Remote sample = (ProviderOutput.Remote) ((PollResult.Succeeded) result).outputs().getFirst();
        assertThat(sample.headers()).isEmpty();
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(sample.uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void should_never_send_the_key_to_an_unconfigured_host_when_polling_url_points_elsewhere() {
        BflAdapter adapter = adapter(null);
        simulator.advertisePollingBase(sinkOrigin());
        Submission submission = adapter.submit(request("task_b", "{\"prompt\":\"a fox\"}"));
        ProviderTaskRef ref = new ProviderTaskRef("task_b", submission.providerTaskId(),
                sinkOrigin() + "/v1/get_result?id=x");

        PollResult result = finish(adapter, ref);

        assertThat(submission.providerRef()).isNull();
        assertThat(result).isInstanceOf(PollResult.Succeeded.class);
        assertThat(sinkHeaders).isEmpty();
        assertThat(simulator.requests()).filteredOn(r -> r.uri().startsWith("/v1/get_result"))
            .isNotEmpty()
            .allSatisfy(r -> assertThat(r.host()).isEqualTo("global"));
    }

    @Test
    void should_refuse_the_sample_url_when_it_has_expired() throws Exception {
        BflAdapter adapter = adapter(null);
        Submission submission = adapter.submit(request("task_c", "{\"prompt\":\"a fox\"}"));
        PollResult result = finish(adapter,
                new ProviderTaskRef("task_c", submission.providerTaskId(), submission.providerRef()));
        URI sample = ((ProviderOutput.Remote) ((PollResult.Succeeded) result).outputs().getFirst()).uri();

        await().atMost(Duration.ofSeconds(5))
            .until(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(sample).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 403);
    }

    @Test
    void should_classify_billing_limits_and_validation_when_bfl_refuses() {
        BflAdapter adapter = adapter(null);

        assertThatThrownBy(() -> adapter.submit(request("t1", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(request("t2", "{\"prompt\":\"[sim:busy]\"}")))
            .isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> adapter.submit(request("t3", "{\"prompt\":\"x\",\"width\":1000}")))
            .isInstanceOf(InvalidRequest.class)
            .hasMessage("Invalid parameter: input.width: Input should be a multiple of 32 between 256 and 1440");
        assertThat(adapter.poll(new ProviderTaskRef("t4", "no-such-task", null)))
            .isEqualTo(new PollResult.Failed(com.aimedia.gateway.workers.provider.spi.ErrorCode.NOT_FOUND,
                    "The provider no longer knows the task (unknown or expired)."));
    }

    @Test
    void should_pass_the_callback_url_and_verify_the_signed_webhook_when_a_secret_is_configured() {
        BflAdapter adapter = adapter("whs-bfl-test");
        URI callback = URI.create(sinkOrigin() + "/provider-callbacks/bfl/task_d?signature=s");
        adapter.submit(new GenerationRequest("task_d", "flux-pro", "flux-pro-1.1",
                json.readTree("{\"prompt\":\"a fox\",\"webhook_url\":\"https://evil.example/\"}"), callback));

        await().atMost(Duration.ofSeconds(5)).until(() -> !sinkBodies.isEmpty());

        String sent = simulator.requests().getFirst().body();
        assertThat(json.readTree(sent).path("webhook_url").stringValue()).isEqualTo(callback.toString());
        Map<String, List<String>> headers = lower(sinkHeaders.getFirst());
        adapter.verifyCallback(new ProviderCallback("task_d", headers, sinkBodies.getFirst()));
        assertThatThrownBy(() -> adapter.verifyCallback(new ProviderCallback("task_d", headers, "{}".getBytes())))
            .isInstanceOf(AuthenticationFailed.class);
    }

    @Test
    void should_be_unavailable_without_calling_bfl_when_key_missing() {
        BflAdapter unconfigured = new BflAdapter(new BflProperties(URI.create(simulator.baseUrl()), " ", List.of(),
                null, Duration.ofSeconds(1), Duration.ofSeconds(1)), json);

        assertThat(unconfigured.isConfigured()).isFalse();
        assertThatThrownBy(() -> unconfigured.submit(request("t5", "{\"prompt\":\"p\"}")))
            .isInstanceOf(ProviderNotConfigured.class);
        assertThat(simulator.requests()).isEmpty();
    }

    private static Map<String, List<String>> lower(Map<String, List<String>> headers) {
        java.util.Map<String, List<String>> lower = new java.util.HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return lower;
    }

}
