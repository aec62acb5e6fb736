package com.aimedia.gateway.simulators.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

class KlingSimulatorTest {

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
            .withConcurrencyLimit(2)
            .withClock(clock));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void should_progress_submitted_processing_succeed_when_time_passes() throws Exception {
        // given
        JsonNode created = post("/v1/videos/text2video",
                "{\"model_name\":\"kling-v2-master\",\"prompt\":\"a cat\",\"duration\":\"10\"}");
        String taskId = created.at("/data/task_id").stringValue();
        assertThat(created.path("code").asInt()).isZero();
        assertThat(created.at("/data/task_status").stringValue()).isEqualTo("submitted");
        assertThat(taskId).matches("\\d{18,19}");
        assertThat(created.at("/data/created_at").asLong()).isEqualTo(clock.millis());

        // when / then
        assertThat(status(get("/v1/videos/text2video/" + taskId))).isEqualTo("submitted");
        clock.advance(Duration.ofMillis(1500));
        assertThat(status(get("/v1/videos/text2video/" + taskId))).isEqualTo("processing");
        clock.advance(Duration.ofSeconds(2));
        JsonNode done = get("/v1/videos/text2video/" + taskId);
        assertThat(status(done)).isEqualTo("succeed");
        JsonNode video = done.at("/data/task_result/videos/0");
        assertThat(video.path("duration").stringValue()).isEqualTo("10");
        HttpResponse<byte[]> file = http.send(
                HttpRequest.newBuilder(URI.create(video.path("url").stringValue())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(new String(file.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void should_fail_with_risk_control_message_when_prompt_has_content_policy_marker() throws Exception {
        String taskId = post("/v1/videos/text2video", "{\"prompt\":\"x [sim:content-policy]\"}").at("/data/task_id")
            .stringValue();

        clock.advance(Duration.ofSeconds(4));

        JsonNode task = get("/v1/videos/text2video/" + taskId);
        assertThat(status(task)).isEqualTo("failed");
        assertThat(task.at("/data/task_status_msg").stringValue()).contains("risk control");
        assertThat(task.at("/data/task_result").isMissingNode()).isTrue();
    }

    @Test
    void should_find_task_by_external_task_id_when_queried_by_it() throws Exception {
        String taskId = post("/v1/videos/image2video",
                "{\"prompt\":\"x\",\"image\":\"https://example.com/a.png\",\"external_task_id\":\"task_abc\"}")
            .at("/data/task_id")
            .stringValue();

        JsonNode byExternal = get("/v1/videos/image2video/task_abc");

        assertThat(byExternal.at("/data/task_id").stringValue()).isEqualTo(taskId);
        assertThat(byExternal.at("/data/task_info/external_task_id").stringValue()).isEqualTo("task_abc");
        assertThat(send(getRequest("/v1/videos/text2video/task_abc")).statusCode()).isEqualTo(404);
    }

    @Test
    void should_answer_429_1303_when_over_concurrency_limit_until_a_task_ends() throws Exception {
        post("/v1/videos/text2video", "{\"prompt\":\"one\"}");
        post("/v1/videos/text2video", "{\"prompt\":\"two\"}");

        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"three\"}"), 429, 1303);
        clock.advance(Duration.ofSeconds(3));
        assertThat(post("/v1/videos/text2video", "{\"prompt\":\"three\"}").path("code").asInt()).isZero();
    }

    @Test
    void should_answer_busy_once_then_accept_when_prompt_has_busy_marker() throws Exception {
        String body = "{\"prompt\":\"x [sim:busy]\",\"external_task_id\":\"t1\"}";

        assertError(postRequest("/v1/videos/text2video", body), 429, 1303);
        assertThat(post("/v1/videos/text2video", body).path("code").asInt()).isZero();
        assertThat(simulator.createdTaskCount()).isEqualTo(1);
    }

    @Test
    void should_answer_documented_errors_when_markers_or_bad_parameters() throws Exception {
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"[sim:arrears]\"}"), 429, 1101);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"[sim:no-credits]\"}"), 429, 1102);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"[sim:reject-content]\"}"), 400, 1301);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"[sim:server-error]\"}"), 500, 5000);
        assertError(postRequest("/v1/videos/text2video", "{\"negative_prompt\":\"x\"}"), 400, 1200);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"x\",\"duration\":5}"), 400, 1201);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"x\",\"duration\":\"7\"}"), 400, 1201);
        assertError(postRequest("/v1/videos/text2video", "{\"prompt\":\"x\",\"model_name\":\"kling-v9\"}"), 404, 1203);
        assertError(postRequest("/v1/videos/image2video", "{\"prompt\":\"x\"}"), 400, 1200);
        assertThat(simulator.createdTaskCount()).isZero();
    }

    @Test
    void should_create_the_task_but_answer_504_when_prompt_has_lost_response_marker() throws Exception {
        assertError(postRequest("/v1/videos/text2video",
                "{\"prompt\":\"[sim:lost-response]\",\"external_task_id\":\"t9\"}"), 504, 5002);

        assertThat(simulator.taskIdForExternalId("t9")).isPresent();
        assertThat(status(get("/v1/videos/text2video/t9"))).isEqualTo("submitted");
        assertThat(simulator.jobsCreated()).as("the job exists, only its answer was lost").isEqualTo(1);
    }

    @Test
    void should_count_jobs_from_zero_again_when_reset() throws Exception {
        post("/v1/videos/text2video", "{\"prompt\":\"x\"}");
        long before = simulator.jobsCreated();

        simulator.reset();

        assertThat(before).isEqualTo(1);
        assertThat(simulator.jobsCreated()).isZero();
    }

    @Test
    void should_answer_401_when_token_missing_or_expired() throws Exception {
        HttpRequest noAuth = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/videos/text2video/1"))
            .build();
        assertError(noAuth, 401, 1001);
        long now = clock.instant().getEpochSecond();
        String expired = TestTokens.mint(AK, SK, now - 1, now - 1800);
        assertError(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/videos/text2video/1"))
            .header("Authorization", "Bearer " + expired)
            .build(), 401, 1004);
    }

    @Test
    void should_report_forced_status_and_armed_failures_when_knobs_used() throws Exception {
        String taskId = post("/v1/videos/text2video", "{\"prompt\":\"x\"}").at("/data/task_id").stringValue();
        simulator.forceStatus(taskId, "mystery");
        simulator.failNextQuery(KlingError.unavailable());

        assertError(getRequest("/v1/videos/text2video/" + taskId), 503, 5001);
        assertThat(status(get("/v1/videos/text2video/" + taskId))).isEqualTo("mystery");
    }

    private String status(JsonNode answer) {
        return answer.at("/data/task_status").stringValue();
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(postRequest(path, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(getRequest(path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertError(HttpRequest request, int httpStatus, int code) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(httpStatus);
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("request_id").stringValue()).isNotBlank();
        assertThat(body.path("message").stringValue()).isNotBlank();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String path, String body) {
        return authorized(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    private HttpRequest getRequest(String path) {
        return authorized(path).GET().build();
    }

    private HttpRequest.Builder authorized(String path) {
        long now = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
            .header("Authorization", "Bearer " + TestTokens.mint(AK, SK, now + 1800, now - 5));
    }

}
