package com.aimedia.gateway.simulators.runway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunwaySimulatorTest {

    private static final String KEY = "key_test";

    private static final String VIDEO = "{\"model\":\"gen4_turbo\",\"promptImage\":\"https://example.com/a.png\",\"ratio\":\"1280:720\"}";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-15T12:00:00Z"));

    private RunwaySimulator simulator;

    @BeforeEach
    void start() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        simulator = RunwaySimulator.start(RunwaySimulator.Config.defaults()
            .withApiKey(KEY)
            .withConcurrencyLimit(1)
            .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .withUrlLifetime(Duration.ofHours(24))
            .withClock(clock));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
            .header("Authorization", "Bearer " + KEY)
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (version != null) {
            request.header("X-Runway-Version", version);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode task(String id) throws Exception {
        return json.readTree(call("GET", "/v1/tasks/" + id, null, RunwaySimulator.API_VERSION).body());
    }

    private String create(String body) throws Exception {
        return json.readTree(call("POST", "/v1/image_to_video", body, RunwaySimulator.API_VERSION).body())
            .path("id")
            .stringValue();
    }

    private void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Test
    void should_require_the_version_header_when_called_without_it() throws Exception {
        HttpResponse<String> answer = call("POST", "/v1/image_to_video", VIDEO, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("error").stringValue()).contains("X-Runway-Version");
    }

    @Test
    void should_throttle_a_task_over_the_concurrency_until_a_slot_frees() throws Exception {
        String first = create(VIDEO);
        String second = create(VIDEO);

        assertThat(task(first).path("status").stringValue()).isEqualTo("PENDING");
        assertThat(task(second).path("status").stringValue()).isEqualTo("THROTTLED");
        advance(Duration.ofMillis(1500));
        assertThat(task(first).path("status").stringValue()).isEqualTo("RUNNING");
        assertThat(task(first).path("progress").asDouble()).isBetween(0.0, 1.0);
        advance(Duration.ofSeconds(2));
        assertThat(task(first).path("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(task(second).path("status").stringValue()).isEqualTo("PENDING");
    }

    @Test
    void should_expire_output_urls_after_their_lifetime_when_not_fetched_again() throws Exception {
        String id = create(VIDEO);
        advance(Duration.ofSeconds(4));
        String url = task(id).at("/output/0").stringValue();

        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
            .statusCode()).isEqualTo(200);
        advance(Duration.ofHours(25));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
            .statusCode()).isEqualTo(403);
        String fresh = task(id).at("/output/0").stringValue();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(fresh)).build(), HttpResponse.BodyHandlers.ofByteArray())
            .statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_gen3a_turbo_as_an_unknown_model_by_default() throws Exception {
        HttpResponse<String> answer = call("POST", "/v1/image_to_video",
                "{\"model\":\"gen3a_turbo\",\"promptImage\":\"https://example.com/a.png\",\"promptText\":\"x\",\"ratio\":\"1280:768\"}",
                RunwaySimulator.API_VERSION);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("error").stringValue()).isEqualTo("Validation of body failed");
        assertThat(body.at("/issues/0/path/0").stringValue()).isEqualTo("model");
    }

    @Test
    void should_report_failure_code_and_cancel_when_asked() throws Exception {
        String failing = create(VIDEO.replace("\"ratio\"", "\"promptText\":\"[sim:content-policy]\",\"ratio\""));
        advance(Duration.ofSeconds(4));
        String running = create(VIDEO);

        assertThat(task(failing).path("failureCode").stringValue()).startsWith("SAFETY.INPUT");
        assertThat(call("DELETE", "/v1/tasks/" + running, null, RunwaySimulator.API_VERSION).statusCode())
            .isEqualTo(204);
        assertThat(task(running).path("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(call("DELETE", "/v1/tasks/" + failing, null, RunwaySimulator.API_VERSION).statusCode())
            .isEqualTo(204);
        assertThat(call("GET", "/v1/tasks/" + failing, null, RunwaySimulator.API_VERSION).statusCode()).isEqualTo(404);
    }

}
