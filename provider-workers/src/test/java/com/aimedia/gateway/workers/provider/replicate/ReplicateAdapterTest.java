package com.aimedia.gateway.workers.provider.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.simulators.replicate.ReplicateSimulator;
import com.aimedia.gateway.workers.provider.spi.AuthenticationFailed;
import com.aimedia.gateway.workers.provider.spi.ErrorCode;
import com.aimedia.gateway.workers.provider.spi.GenerationRequest;
import com.aimedia.gateway.workers.provider.spi.InsufficientCredits;
import com.aimedia.gateway.workers.provider.spi.InvalidRequest;
import com.aimedia.gateway.workers.provider.spi.NotFound;
import com.aimedia.gateway.workers.provider.spi.PollResult;
import com.aimedia.gateway.workers.provider.spi.ProviderCallback;
import com.aimedia.gateway.workers.provider.spi.ProviderTaskRef;
import com.aimedia.gateway.workers.provider.spi.RateLimited;
import com.aimedia.gateway.workers.provider.spi.Submission;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReplicateAdapterTest {

    private static final String TOKEN = "r8_test";

    private static final String VERSION = "5599ed30703defd1d160a25a63321b4dec97101d98b4674bcc56e41f62f35637";

    private final JsonMapper json = JsonMapper.builder().build();

    private final List<Map<String, List<String>>> hookHeaders = new CopyOnWriteArrayList<>();

    private final List<byte[]> hookBodies = new CopyOnWriteArrayList<>();

    private ReplicateSimulator simulator;

    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        simulator = ReplicateSimulator.start(ReplicateSimulator.Config.defaults()
            .withToken(TOKEN)
            .withTimings(Duration.ofMillis(50), Duration.ofMillis(100)));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, List<String>> lower = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            hookHeaders.add(lower);
            hookBodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    private ReplicateAdapter adapter(Duration syncWait) {
        return new ReplicateAdapter(new ReplicateProperties(URI.create(simulator.baseUrl()), TOKEN,
                simulator.config().webhookSecret(), syncWait, Duration.ofSeconds(1), Duration.ofSeconds(2)), json,
                Clock.systemUTC());
    }

    private GenerationRequest request(String providerModel, String input) {
        return new GenerationRequest("task_" + System.nanoTime(), "replicate/" + providerModel, providerModel,
                json.readTree(input));
    }

    private PollResult finish(ReplicateAdapter adapter, Submission submission) {
        ProviderTaskRef ref = new ProviderTaskRef("t", submission.providerTaskId(), submission.providerRef());
        await().atMost(Duration.ofSeconds(5)).until(() -> !(adapter.poll(ref) instanceof PollResult.Pending));
        return adapter.poll(ref);
    }

    @Test
    void should_use_the_model_endpoint_without_version_and_predictions_with_version() {
        ReplicateAdapter adapter = adapter(Duration.ZERO);

        adapter.submit(request("black-forest-labs/flux-schnell", "{\"prompt\":\"a\",\"num_outputs\":2}"));
        adapter.submit(request("stability-ai/sdxl:" + VERSION, "{\"prompt\":\"b\"}"));

        List<ReplicateSimulator.RecordedRequest> creates = simulator.requests();
        assertThat(creates.get(0).path()).isEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions");
        JsonNode official = json.readTree(creates.get(0).body());
        assertThat(official.has("version")).isFalse();
        assertThat(official.path("input").path("num_outputs").asInt()).isEqualTo(2);
        assertThat(creates.get(1).path()).isEqualTo("/v1/predictions");
        assertThat(json.readTree(creates.get(1).body()).path("version").stringValue()).isEqualTo(VERSION);
        assertThat(creates).allSatisfy(r -> assertThat(r.prefer()).isNull());
    }

    @Test
    void should_complete_at_submit_when_prefer_wait_sees_the_prediction_finish() {
        Submission submission = adapter(Duration.ofSeconds(5))
            .submit(request("black-forest-labs/flux-schnell", "{\"prompt\":\"a\"}"));

        assertThat(simulator.requests().getFirst().prefer()).isEqualTo("wait=5");
        assertThat(submission.isCompleted()).isTrue();
        assertThat(submission.outputs()).hasSize(1);
    }

    @Test
    void should_collect_every_url_when_output_is_a_string_or_an_array() {
        ReplicateAdapter adapter = adapter(Duration.ZERO);

        PollResult single = finish(adapter,
                adapter.submit(request("owner/video-model", "{\"prompt\":\"[sim:output-string]\"}")));
        PollResult several = finish(adapter,
                adapter.submit(request("owner/image-model", "{\"prompt\":\"b\",\"num_outputs\":3}")));

        assertThat(((PollResult.Succeeded) single).outputs()).hasSize(1);
        assertThat(((PollResult.Succeeded) several).outputs()).hasSize(3);
    }

    @Test
    void should_return_one_audio_file_when_a_musicgen_model_finishes() throws Exception {
        ReplicateAdapter adapter = adapter(Duration.ZERO);

        PollResult wav = finish(adapter, adapter.submit(request("meta/musicgen", "{\"prompt\":\"lofi beat\"}")));
        PollResult mp3 = finish(adapter,
                adapter.submit(request("meta/musicgen", "{\"prompt\":\"lofi beat\",\"output_format\":\"mp3\"}")));

        URI wavUrl = ((com.aimedia.gateway.workers.provider.spi.ProviderOutput.Remote) ((PollResult.Succeeded) wav)
            .outputs()
            .getFirst()).uri();
        URI mp3Url = ((com.aimedia.gateway.workers.provider.spi.ProviderOutput.Remote) ((PollResult.Succeeded) mp3)
            .outputs()
            .getFirst()).uri();
        assertThat(((PollResult.Succeeded) wav).outputs()).hasSize(1);
        assertThat(wavUrl.getPath()).endsWith(".wav");
        assertThat(mp3Url.getPath()).endsWith(".mp3");
        var download = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(mp3Url).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(new String(download.body(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ID3");
    }

    @Test
    void should_fail_not_found_when_outputs_were_deleted_after_retention() {
        simulator.answerNextGet("{\"id\":\"p\",\"status\":\"succeeded\",\"output\":null,\"data_removed\":true}");

        PollResult result = adapter(Duration.ZERO).poll(new ProviderTaskRef("t", "p", null));

        assertThat(result).isInstanceOfSatisfying(PollResult.Failed.class,
                failed -> assertThat(failed.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void should_classify_refusals_when_replicate_answers_4xx() {
        ReplicateAdapter adapter = adapter(Duration.ZERO);

        assertThatThrownBy(() -> adapter.submit(request("o/m", "{\"prompt\":\"[sim:no-credits]\"}")))
            .isInstanceOf(InsufficientCredits.class);
        assertThatThrownBy(() -> adapter.submit(request("o/m", "{\"prompt\":\"[sim:busy]\"}"))).isInstanceOfSatisfying(
                RateLimited.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> adapter.submit(request("missing/m", "{\"prompt\":\"a\"}")))
            .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> adapter.submit(request("../etc", "{\"prompt\":\"a\"}")))
            .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> adapter.poll(new ProviderTaskRef("t", "nosuchprediction", null)))
            .isInstanceOf(NotFound.class);
    }

    @Test
    void should_send_the_webhook_and_verify_its_standard_webhooks_signature() {
        ReplicateAdapter adapter = adapter(Duration.ZERO);
        URI callback = URI.create("http://" + receiver.getAddress().getHostString() + ":"
                + receiver.getAddress().getPort() + "/provider-callbacks/replicate/t?signature=s");
        adapter
            .submit(new GenerationRequest("t", "replicate/o/m", "o/m", json.readTree("{\"prompt\":\"a\"}"), callback));

        await().atMost(Duration.ofSeconds(5)).until(() -> hookBodies.size() >= 2);

        JsonNode sent = json.readTree(simulator.requests().getFirst().body());
        assertThat(sent.path("webhook").stringValue()).isEqualTo(callback.toString());
        assertThat(sent.path("webhook_events_filter").toString()).isEqualTo("[\"start\",\"completed\"]");
        adapter.verifyCallback(new ProviderCallback("t", hookHeaders.getLast(), hookBodies.getLast()));
        assertThatThrownBy(
                () -> adapter.verifyCallback(new ProviderCallback("t", hookHeaders.getLast(), "{}".getBytes())))
            .isInstanceOf(AuthenticationFailed.class);
    }

}
