package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.testsupport.AnnouncedBody;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.ProviderWorkersApplication;
import com.aimedia.gateway.storage.LinkWindow;
import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.storage.OutputKey;
import com.aimedia.gateway.storage.OutputRefs;
import com.aimedia.gateway.storage.StorageProperties;
import com.aimedia.gateway.workers.urls.ProviderCallbackUrls;
import com.mongodb.client.MongoDatabase;

@SpringBootTest(classes = ProviderWorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ProviderWorkersApplication.CONFIG_NAME,
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.workers.public.signing-secret=integration-test-url-signing-secret-0123456789",
                "gateway.storage.local.signing-secret=" + KlingWorkerFlowIntegrationTest.FILES_SECRET,
                "gateway.workers.outputs.allowed-networks=127.0.0.0/8", "management.server.port=0" })
@EmbeddedKafka(partitions = 1)
class KlingWorkerFlowIntegrationTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    /**
     * The address providers and clients are told (an ingress in production). Never
     * contacted: the test plays the ingress and sends what is addressed there to the
     * random local port ({@link #local}), so no port is picked before the server binds
     * it.
     */
    private static final String PUBLIC_BASE = "http://workers.gateway.test";
    static final String FILES_SECRET = "integration-test-files-signing-secret-0123456789";

    private static final KlingSimulator SIMULATOR = KlingSimulator.start(KlingSimulator.Config.defaults()
        .withCredentials("it-access-key", "it-secret-key")
        .withTimings(Duration.ofMillis(200), Duration.ofMillis(300)));

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ConsumerFactory<String, SpecificRecord> consumerFactory;

    private StatusTopic status;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
        registry.add("gateway.providers.kling.base-url", SIMULATOR::baseUrl);
        registry.add("gateway.providers.kling.access-key", () -> "it-access-key");
        registry.add("gateway.providers.kling.secret-key", () -> "it-secret-key");
        registry.add("gateway.workers.public.base-url", () -> PUBLIC_BASE);
        registry.add("gateway.storage.local.base-url", () -> PUBLIC_BASE);
        registry.add("gateway.storage.local.directory", () -> OUTPUTS.toString());
    }

    private static final java.nio.file.Path OUTPUTS = temporaryDirectory();

    @Autowired
    private ProviderCallbackUrls callbackUrls;

    @org.springframework.boot.test.web.server.LocalManagementPort
    private int managementPort;

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @AfterAll
    static void stopInfrastructure() {
        SIMULATOR.close();
        MONGO.close();
    }

    @BeforeEach
    void subscribe() {
        status = new StatusTopic(consumerFactory);
    }

    @AfterEach
    void unsubscribe() {
        status.close();
    }

    @Test
    void should_report_accepted_then_completed_with_downloadable_url_when_task_runs() throws Exception {
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, "{\"prompt\":\"a lighthouse\",\"duration\":5}"));

        TaskStatusReported accepted = status.awaitReport(taskId, ReportedOutcome.ACCEPTED);
        assertThat(accepted.getProviderTaskId()).isNotBlank();
        assertThat(accepted.getProviderRef()).isEqualTo("text2video");
        Document submission = database.getCollection("submissions").find(new Document("_id", taskId)).first();
        assertThat(submission).isNotNull();
        assertThat(submission.getString("state")).isEqualTo("accepted");
        assertThat(submission.getString("provider_task_id")).isEqualTo(accepted.getProviderTaskId());

        TaskStatusReported completed = pollUntil(accepted, ReportedOutcome.COMPLETED);
        assertThat(completed.getOutputs()).hasSize(1);
        String output = completed.getOutputs().getFirst();
        assertThat(output).as("copied into the gateway's store, reported as a reference readers sign")
            .isEqualTo("gateway-output:r30/" + taskId + "/0.mp4");
        OutputKey key = OutputKey.parse(output.substring(OutputRefs.PREFIX.length())).orElseThrow();
        Instant now = Instant.now();
        String link = new LocalOutputLinks(URI.create(PUBLIC_BASE), FILES_SECRET).link(key, LinkWindow.of(now,
                new StorageProperties.Links(Duration.ofDays(7), Duration.ofHours(1)), now.plus(Duration.ofDays(30))));
        HttpResponse<byte[]> video = get(local(link));
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(video.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(video.headers().firstValue("Content-Disposition"))
            .hasValue("inline; filename=\"" + taskId + "-0.mp4\"");
        assertThat(video.headers().firstValue("Content-Length")).hasValue(String.valueOf(video.body().length));
        assertThat(video.body()).isNotEmpty();
        HttpResponse<byte[]> range = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(local(link))).header("Range", "bytes=2-5").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 2-5/" + video.body().length);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(video.body(), 2, 6));
        assertThat(get(local(forge(link))).statusCode()).isEqualTo(404);
        assertThat(get(local(link.replaceAll("expires=\\d+", "expires=1"))).statusCode()).isEqualTo(404);

        java.nio.file.Files.delete(OUTPUTS.resolve(key.value()));
        HttpResponse<byte[]> expired = get(local(link));
        assertThat(expired.statusCode()).as("deleted at the end of its retention").isEqualTo(410);
        assertThat(new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("output_expired");
    }

    @Test
    void should_expose_readiness_and_latency_buckets_for_the_dashboards_when_running() throws Exception {
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, "{\"prompt\":\"metrics\"}"));
        status.awaitReport(taskId, ReportedOutcome.ACCEPTED);

        String management = "http://127.0.0.1:" + managementPort;
        HttpResponse<byte[]> readiness = get(management + "/actuator/health/readiness");
        String metrics = new String(get(management + "/actuator/prometheus").body(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(readiness.statusCode()).isEqualTo(200);
        // the public port, where providers and clients reach this service, serves no
        // actuator endpoint
        assertThat(get(local(PUBLIC_BASE + "/actuator/prometheus")).statusCode()).isEqualTo(404);
        assertThat(get(local(PUBLIC_BASE + "/actuator/health")).statusCode()).isEqualTo(404);
        assertThat(metrics).contains("gateway_provider_requests_seconds_bucket{")
            .contains("operation=\"submit\"")
            .contains("provider=\"kling\"")
            .doesNotContain(taskId);
    }

    @Test
    void should_report_the_provider_configured_for_the_api_when_started() {
        Document status = database.getCollection("provider_status").find(new Document("_id", "kling")).first();

        assertThat(status).isNotNull();
        assertThat(status.getBoolean("configured")).isTrue();
    }

    @Test
    void should_hand_the_callback_on_as_an_event_and_answer_at_once_when_the_provider_calls_the_signed_url()
            throws Exception {
        // given: an accepted task, and the callback URL the provider was given
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, "{\"prompt\":\"a callback\"}"));
        status.awaitReport(taskId, ReportedOutcome.ACCEPTED);
        String sent = SIMULATOR.createRequests()
            .stream()
            .filter(r -> r.body().contains(taskId))
            .findFirst()
            .orElseThrow()
            .body();
        URI callback = URI.create(sent.replaceAll("(?s).*\"callback_url\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        assertThat(callback.toString()).startsWith(
                callbackUrls.forTask("kling", taskId).orElseThrow().toString().replaceAll("\\?.*", "?expires="));

        // when: a forged callback, then the provider's callback
        HttpResponse<byte[]> forged = post(URI.create(local(forge(callback.toString()))));
        HttpResponse<byte[]> genuine = post(URI.create(local(callback.toString())));

        // then: only the genuine one is handed on, and nothing was polled on the request
        // thread (the orchestrator
        // polls on its normal path when it reads the event)
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(genuine.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(status.callbacks()).filteredOn(c -> c.getTaskId().equals(taskId))
                .singleElement()
                .satisfies(c -> assertThat(c.getProvider()).isEqualTo("kling"));
        });
        assertThat(status.find(taskId, ReportedOutcome.COMPLETED)).isEmpty();
    }

    /**
     * The URL with the first character of its signature changed (to a different one,
     * whatever it was).
     */
    private static String forge(String url) {
        int at = url.indexOf("signature=") + "signature=".length();
        char replacement = url.charAt(at) == 'x' ? 'y' : 'x';
        return url.substring(0, at) + replacement + url.substring(at + 1);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(URI url) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString("{\"task_status\":\"succeed\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The URL, addressed to the public base, as the ingress would forward it to this
     * test's server.
     */
    private String local(String url) {
        assertThat(url).startsWith(PUBLIC_BASE + "/");
        return "http://127.0.0.1:" + port + url.substring(PUBLIC_BASE.length());
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("worker-outputs");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void should_submit_once_and_report_accepted_again_when_task_submitted_twice() {
        String taskId = StatusTopic.newTaskId();
        TaskSubmitted event = submitted(taskId, "{\"prompt\":\"twice\"}");
        publisher.publish(Topics.submitted("kling"), event);
        String providerTaskId = status.awaitReport(taskId, ReportedOutcome.ACCEPTED).getProviderTaskId();

        event.setEventId(UUID.randomUUID().toString());
        publisher.publish(Topics.submitted("kling"), event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status.reports())
                .filteredOn(r -> r.getTaskId().equals(taskId) && r.getOutcome() == ReportedOutcome.ACCEPTED)
                .hasSize(2)
                .allMatch(r -> r.getProviderTaskId().equals(providerTaskId));
        });
        assertThat(SIMULATOR.createRequests()).filteredOn(r -> r.body().contains(taskId)).hasSize(1);
    }

    @Test
    void should_report_failed_content_policy_when_kling_fails_the_task_under_risk_control() {
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, "{\"prompt\":\"x [sim:content-policy]\"}"));

        TaskStatusReported failed = pollUntil(status.awaitReport(taskId, ReportedOutcome.ACCEPTED),
                ReportedOutcome.FAILED);

        assertThat(failed.getErrorCode()).isEqualTo("content_policy");
        assertThat(failed.getErrorMessage()).isEqualTo("The provider rejected the prompt under its content policy.");
    }

    @Test
    void should_report_failed_insufficient_credits_at_once_when_kling_answers_429_1102() {
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, "{\"prompt\":\"x [sim:no-credits]\"}"));

        TaskStatusReported failed = status.awaitReport(taskId, ReportedOutcome.FAILED);

        assertThat(failed.getErrorCode()).isEqualTo("insufficient_credits");
        assertThat(failed.getErrorMessage()).isEqualTo("The provider account has insufficient credits.");
        Document submission = database.getCollection("submissions").find(new Document("_id", taskId)).first();
        assertThat(submission).isNotNull();
        assertThat(submission.getString("state")).isEqualTo("failed");
    }

    private TaskStatusReported pollUntil(TaskStatusReported accepted, ReportedOutcome outcome) {
        int[] attempt = { 0 };
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (status.find(accepted.getTaskId(), outcome).isPresent()) {
                return true;
            }
            publisher.publish(Topics.poll("kling"),
                    PollRequested.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setTaskId(accepted.getTaskId())
                        .setOccurredAt(Instant.now())
                        .setProvider("kling")
                        .setProviderTaskId(accepted.getProviderTaskId())
                        .setProviderRef(accepted.getProviderRef())
                        .setAttempt(++attempt[0])
                        .build());
            return false;
        });
        return status.find(accepted.getTaskId(), outcome).orElseThrow();
    }

    private static TaskSubmitted submitted(String taskId, String input) {
        Instant now = Instant.now();
        return TaskSubmitted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(now)
            .setTenantId("tenant-1")
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput(input)
            .setCallbackUrl(null)
            .setCreatedAt(now)
            .build();
    }

    @Test
    void should_keep_http_metric_tags_bounded_when_a_prober_requests_made_up_paths() throws Exception {
        for (int i = 0; i < 20; i++) {
            get(local(PUBLIC_BASE + "/probe-" + i + "-" + UUID.randomUUID()));
            post(URI.create(local(PUBLIC_BASE + "/provider-callbacks/kling/task_probe" + i + "?signature=x")));
            get(local(PUBLIC_BASE + "/files/task_probe" + i + "/0.mp4?expires=1&signature=x"));
        }

        String metrics = new String(get("http://127.0.0.1:" + managementPort + "/actuator/prometheus").body(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(metrics).contains("http_server_requests_seconds_count{")
            .doesNotContain("probe-")
            .doesNotContain("task_probe");
    }

    @Test
    void should_refuse_a_huge_provider_callback_body_before_checking_anything() throws Exception {
        assertThat(AnnouncedBody.statusLine(port, "POST", "/provider-callbacks/kling/task_x?expires=1&signature=x"))
            .startsWith("HTTP/1.1 413");
    }

}
