package com.aimedia.gateway.simulators.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.testsupport.MutableClock;

class KlingImageSimulatorTest {

    private static final String AK = "ak-test";

    private static final String SK = "sk-test";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    private KlingSimulator simulator;

    @BeforeEach
    void start() {
        simulator = KlingSimulator.start(KlingSimulator.Config.defaults()
            .withCredentials(AK, SK)
            .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .withConcurrencyLimit(3)
            .withClock(clock));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        long now = clock.instant().getEpochSecond();
        String token = TestTokens.mint(AK, SK, now + 1800, now - 5);
        return http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/images/generations"))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode get(String id) throws Exception {
        return json.readTree(
                send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/images/generations/" + id))).body());
    }

    @Test
    void should_return_n_downloadable_images_when_image_task_succeeds() throws Exception {
        String id = json.readTree(post("{\"model_name\":\"kling-v2\",\"prompt\":\"a cat\",\"n\":3}").body())
            .at("/data/task_id")
            .stringValue();

        clock.advance(Duration.ofSeconds(4));
        JsonNode done = get(id);

        assertThat(done.at("/data/task_status").stringValue()).isEqualTo("succeed");
        JsonNode images = done.at("/data/task_result/images");
        assertThat(images).hasSize(3);
        assertThat(images.get(2).path("index").asInt()).isEqualTo(2);
        HttpResponse<byte[]> file = http.send(
                HttpRequest.newBuilder(URI.create(images.get(0).path("url").stringValue())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void should_count_n_slots_of_the_image_pack_when_checking_concurrency() throws Exception {
        assertThat(post("{\"prompt\":\"a\",\"n\":2}").statusCode()).isEqualTo(200);

        HttpResponse<String> over = post("{\"prompt\":\"b\",\"n\":2}");
        HttpResponse<String> video = send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/videos/text2video"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"c\"}")));

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json.readTree(over.body()).path("code").asInt()).isEqualTo(1303);
        assertThat(video.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_video_models_and_bad_values_when_creating_images() throws Exception {
        HttpResponse<String> model = post("{\"model_name\":\"kling-v2-master\",\"prompt\":\"a\"}");
        HttpResponse<String> ratio = post("{\"prompt\":\"a\",\"aspect_ratio\":\"5:4\"}");

        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(json.readTree(model.body()).path("code").asInt()).isEqualTo(1203);
        assertThat(ratio.statusCode()).isEqualTo(400);
        assertThat(json.readTree(ratio.body()).path("code").asInt()).isEqualTo(1201);
    }

    @Test
    void should_not_find_an_image_task_on_the_video_path() throws Exception {
        String id = json.readTree(post("{\"prompt\":\"a\"}").body()).at("/data/task_id").stringValue();

        HttpResponse<String> onVideoPath = send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/videos/text2video/" + id)));

        assertThat(onVideoPath.statusCode()).isEqualTo(404);
    }

}
