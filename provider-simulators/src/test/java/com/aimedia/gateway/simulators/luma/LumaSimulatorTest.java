package com.aimedia.gateway.simulators.luma;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LumaSimulatorTest {

    private static final String KEY = "luma-test-key";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-15T12:00:00Z"));

    private LumaSimulator simulator;

    @BeforeEach
    void start() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        simulator = LumaSimulator.start(LumaSimulator.Config.defaults()
            .withApiKey(KEY)
            .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .withVideoConcurrency(1)
            .withClock(clock));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
            .header("Authorization", "Bearer " + key)
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Test
    void should_progress_queued_dreaming_completed_when_time_passes() throws Exception {
        HttpResponse<String> created = call("POST", "/generations/video", "{\"model\":\"ray-2\",\"prompt\":\"a cat\"}",
                KEY);
        String id = json.readTree(created.body()).path("id").stringValue();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("state").stringValue()).isEqualTo("queued");
        advance(Duration.ofMillis(1500));
        assertThat(json.readTree(call("GET", "/generations/" + id, null, KEY).body()).path("state").stringValue())
            .isEqualTo("dreaming");
        advance(Duration.ofSeconds(2));
        JsonNode done = json.readTree(call("GET", "/generations/" + id, null, KEY).body());
        assertThat(done.path("state").stringValue()).isEqualTo("completed");
        assertThat(done.at("/request/prompt").stringValue()).isEqualTo("a cat");
        HttpResponse<byte[]> file = http.send(
                HttpRequest.newBuilder(URI.create(done.at("/assets/video").stringValue())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void should_answer_401_detail_when_key_is_wrong() throws Exception {
        HttpResponse<String> answer = call("GET", "/generations/x", null, "luma-wrong");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json.readTree(answer.body()).path("detail").stringValue()).isNotBlank();
    }

    @Test
    void should_answer_429_when_ray_concurrency_is_used_up_until_a_generation_ends() throws Exception {
        call("POST", "/generations/video", "{\"model\":\"ray-2\",\"prompt\":\"one\"}", KEY);

        assertThat(call("POST", "/generations", "{\"model\":\"ray-2\",\"prompt\":\"two\"}", KEY).statusCode())
            .isEqualTo(429);
        assertThat(call("POST", "/generations/image", "{\"model\":\"photon-1\",\"prompt\":\"img\"}", KEY).statusCode())
            .isEqualTo(201);
        advance(Duration.ofSeconds(4));
        assertThat(call("POST", "/generations", "{\"model\":\"ray-2\",\"prompt\":\"two\"}", KEY).statusCode())
            .isEqualTo(201);
    }

    @Test
    void should_answer_documented_messages_when_body_is_invalid() throws Exception {
        assertThat(call("POST", "/generations/video", "{\"model\":\"ray-2\"}", KEY).body())
            .contains("Prompt is required");
        assertThat(call("POST", "/generations/video", "{\"model\":\"photon-1\",\"prompt\":\"abc\"}", KEY).statusCode())
            .isEqualTo(400);
        assertThat(
                call("POST", "/generations/video", "{\"model\":\"ray-2\",\"prompt\":\"abc\",\"duration\":\"7s\"}", KEY)
                    .statusCode())
            .isEqualTo(400);
    }

    @Test
    void should_fail_with_failure_reason_when_prompt_has_content_policy_marker() throws Exception {
        String id = json
            .readTree(
                    call("POST", "/generations/video", "{\"model\":\"ray-2\",\"prompt\":\"[sim:content-policy]\"}", KEY)
                        .body())
            .path("id")
            .stringValue();

        advance(Duration.ofSeconds(4));

        JsonNode failed = json.readTree(call("GET", "/generations/" + id, null, KEY).body());
        assertThat(failed.path("state").stringValue()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").stringValue()).contains("moderation");
        assertThat(failed.at("/assets/video").isMissingNode()).isTrue();
    }

}
