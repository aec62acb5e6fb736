package com.aimedia.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.api.taskid.TestTaskIds;
import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.testsupport.AnnouncedBody;

/**
 * The whole api-service over real HTTP, with embedded Kafka and mongo-java-server
 * (nothing mocked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=api-service",
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.kafka.publish-timeout=3s", "gateway.api.task-id-secret=" + ApiServiceIntegrationTest.SECRET,
                "gateway.api.dev-api-key=" + ApiServiceIntegrationTest.KEY_A, "gateway.api.dev-tenant-id=tenant-a",
                "gateway.api.max-body-size=64KB", "gateway.retention.task-records.default-period=30d",
                "gateway.storage.local.base-url=https://files.example.com",
                "gateway.storage.local.signing-secret=" + ApiServiceIntegrationTest.FILES_SECRET })
@EmbeddedKafka(partitions = 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServiceIntegrationTest {

    static final String KEY_A = "key-of-tenant-a-0123456789";
    static final String SECRET = "integration-test-secret-0123456789abcdef";
    static final String FILES_SECRET = "integration-test-files-secret-0123456789";
    static final String KEY_B = "key-of-tenant-b-9876543210";
    static final String TOPIC = Topics.submitted("kling");
    static final String VALID = "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a cat surfing\",\"duration\":\"5\"}}";

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static KafkaConsumer<String, SpecificRecord> consumer;

    private static final List<TaskSubmitted> seen = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
    }

    @BeforeAll
    static void startConsumer(@Autowired EmbeddedKafkaBroker broker, @Autowired MongoDatabase database)
            throws Exception {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "api-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(List.of(TOPIC));
        database.getCollection("api_keys")
            .insertOne(new Document("_id", sha256(KEY_B)).append("tenant_id", "tenant-b")
                .append("name", "second tenant")
                .append("created_at", new Date()));
    }

    @AfterAll
    static void stop() {
        consumer.close();
        MONGO.close();
    }

    @Test
    @Order(1)
    void should_answer_queued_body_and_publish_task_submitted_when_submission_is_valid() throws Exception {
        // given
        String body = "{\"model\":\"kling-v2\",\"input\":{ \"prompt\" : \"a cat surfing\", \"cfg_scale\": 0.50 },"
                + "\"callback_url\":\"https://93.184.215.14/hooks\"}";

        // when
        HttpResponse<String> response = post(KEY_A, body, Map.of());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).matches(
                "\\{\"id\":\"task_[0-9a-v]{42}\",\"status\":\"queued\",\"created_at\":(\\d+),\"version\":1,\"updated_at\":\\1}");
        JsonNode answer = jsonMapper.readTree(response.body());
        TaskSubmitted event = awaitEvent(answer.get("id").asString());
        assertThat(event.getTenantId()).isEqualTo("tenant-a");
        assertThat(event.getModel()).isEqualTo("kling-v2");
        assertThat(event.getProvider()).isEqualTo("kling");
        assertThat(event.getProviderModel()).isEqualTo("kling-v2-master");
        assertThat(event.getInput()).isEqualTo("{\"prompt\":\"a cat surfing\",\"cfg_scale\":0.50}");
        assertThat(event.getCallbackUrl()).isEqualTo("https://93.184.215.14/hooks");
        assertThat(event.getCreatedAt().getEpochSecond()).isEqualTo(answer.get("created_at").asLong());
        assertThat(event.getEventId()).hasSize(36);
        assertThat(meterRegistry.get("gateway.tasks.submitted")
            .tags("provider", "kling", "model", "kling-v2", "outcome", "accepted")
            .counter()
            .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void should_answer_the_submitted_queued_body_when_task_is_not_stored_yet() throws Exception {
        // given: the orchestrator's version 1 is exactly the submit answer, so a client
        // never sees two bodies for queued
        String submittedBody = post(KEY_A, VALID, Map.of()).body();
        String id = jsonMapper.readTree(submittedBody).get("id").asString();

        // when
        HttpResponse<String> response = get("/v1/task/" + id, KEY_A);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(submittedBody);
    }

    @Test
    @Order(2)
    void should_answer_410_for_a_task_older_than_the_retention_and_404_for_one_too_old_to_be_on_its_way()
            throws Exception {
        // given: ids of this tenant that were never stored (or whose records retention
        // deleted)
        String deleted = TestTaskIds.issuedAt(SECRET, "tenant-a", Instant.now().minus(Duration.ofDays(31)));
        String neverStored = TestTaskIds.issuedAt(SECRET, "tenant-a", Instant.now().minus(Duration.ofDays(2)));

        // when
        HttpResponse<String> expired = get("/v1/task/" + deleted, KEY_A);
        HttpResponse<String> unknown = get("/v1/task/" + neverStored, KEY_A);

        // then: neither comes back as queued
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(jsonMapper.readTree(expired.body()).get("code").asString()).isEqualTo("task_expired");
        assertThat(jsonMapper.readTree(expired.body()).get("detail").asString()).contains("kept 30 days");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(jsonMapper.readTree(unknown.body()).get("code").asString()).isEqualTo("task_not_found");
    }

    @Test
    @Order(3)
    void should_return_stored_view_verbatim_when_task_is_stored() throws Exception {
        // given: the orchestrator's rendering, stored as is (the api only reads it)
        String id = jsonMapper.readTree(post(KEY_A, VALID, Map.of()).body()).get("id").asString();
        String view = "{\"id\":\"" + id
                + "\",\"status\":\"completed\",\"created_at\":1764151200,\"completed_at\":1764151260,"
                + "\"outputs\":[\"https://cdn.example.com/v.mp4\"],\"version\":3,\"updated_at\":1764151260}";
        database.getCollection("tasks")
            .insertOne(new Document("_id", id).append("tenant_id", "tenant-a").append("view", view));

        // when
        HttpResponse<String> response = get("/v1/task/" + id, KEY_A);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(view);
        assertProblem(get("/v1/task/" + id, KEY_B), 404, "task_not_found");
    }

    @Test
    @Order(3)
    void should_sign_stored_outputs_when_the_task_is_read() throws Exception {
        // given: a completed task whose output is in the gateway's store, completed long
        // ago
        String id = jsonMapper.readTree(post(KEY_A, VALID, Map.of()).body()).get("id").asString();
        long completedAt = Instant.now().minus(Duration.ofDays(20)).getEpochSecond();
        String view = "{\"id\":\"" + id + "\",\"status\":\"completed\",\"created_at\":" + completedAt
                + ",\"completed_at\":" + completedAt + ",\"outputs\":[\"gateway-output:r30/" + id + "/0.mp4\"],"
                + "\"version\":3,\"updated_at\":" + completedAt + "}";
        database.getCollection("tasks")
            .insertOne(new Document("_id", id).append("tenant_id", "tenant-a").append("view", view));

        // when
        HttpResponse<String> response = get("/v1/task/" + id, KEY_A);

        // then: a link signed now, valid now, and the retention end
        assertThat(response.statusCode()).isEqualTo(200);
        var body = jsonMapper.readTree(response.body());
        String link = body.get("outputs").get(0).asString();
        assertThat(link).startsWith("https://files.example.com/files/r30/" + id + "/0.mp4?expires=");
        long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+)&.*", "$1"));
        String signature = link.replaceAll(".*signature=", "");
        assertThat(new LocalOutputLinks(URI.create("https://files.example.com"), FILES_SECRET)
            .check("r30/" + id + "/0.mp4", expires, signature, Instant.now()))
            .isEqualTo(LocalOutputLinks.Access.GRANTED);
        assertThat(body.get("outputs_expire_at").asLong()).isEqualTo(completedAt + Duration.ofDays(30).toSeconds());
        assertThat(body.has("outputs_expired")).isFalse();
        assertThat(response.body()).startsWith(view.substring(0, view.indexOf("\"outputs\"")));
    }

    @Test
    @Order(4)
    void should_answer_404_never_403_when_task_belongs_to_another_tenant_or_id_is_bad() throws Exception {
        // given
        String id = jsonMapper.readTree(post(KEY_A, VALID, Map.of()).body()).get("id").asString();
        String tampered = id.substring(0, id.length() - 2) + (id.endsWith("00") ? "10" : "00");

        // when / then
        assertProblem(get("/v1/task/" + id, KEY_B), 404, "task_not_found");
        assertProblem(get("/v1/task/" + tampered, KEY_A), 404, "task_not_found");
        assertProblem(get("/v1/task/task_nope", KEY_A), 404, "task_not_found");
        assertProblem(get("/v1/task/%20", KEY_A), 404, "task_not_found");
        // refused by Tomcat before Spring sees it: still a problem document, not Tomcat's
        // HTML page
        assertProblem(get("/v1/task/..%2F..%2Fetc", KEY_A), 400, "invalid_request");
        assertThat(get("/v1/task/" + id, KEY_A).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void should_answer_401_with_www_authenticate_when_key_is_missing_malformed_or_unknown() throws Exception {
        for (String authorization : new String[] { null, "Basic abc", "Bearer", "Bearer unknown-key", KEY_A }) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/models")).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(response, 401, "unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
        assertProblem(post(null, VALID, Map.of()), 401, "unauthorized");
        assertProblem(get("/v1/task/task_x", "wrong"), 401, "unauthorized");
    }

    @Test
    @Order(6)
    void should_answer_problem_with_code_and_fields_when_body_is_invalid() throws Exception {
        assertProblem(post(KEY_A, "{\"model\":", Map.of()), 400, "malformed_json");
        assertProblem(
                post(KEY_A, "{\"model\":\"kling-v2\",\"model\":\"kling-v1\",\"input\":{\"prompt\":\"x\"}}", Map.of()),
                400, "malformed_json");
        assertProblem(post(KEY_A, "", Map.of()), 400, "malformed_json");
        assertProblem(post(KEY_A, "[1]", Map.of()), 400, "invalid_request");
        assertFields(post(KEY_A, "{\"input\":{\"prompt\":\"x\"}}", Map.of()), 400, "invalid_request", "model");
        assertFields(post(KEY_A, "{\"model\":\"kling-v9\",\"input\":{\"prompt\":\"x\"}}", Map.of()), 400,
                "unknown_model", "model");
        assertFields(post(KEY_A, "{\"model\":\"kling-v2\"}", Map.of()), 400, "invalid_input", "input");
        assertFields(post(KEY_A, "{\"model\":\"kling-v2\",\"input\":\"a cat\"}", Map.of()), 400, "invalid_input",
                "input");
        assertFields(post(KEY_A,
                "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"" + "a".repeat(2501) + "\",\"fps\":30}}", Map.of()),
                400, "invalid_input", "input.prompt", "input.fps");
        assertFields(post(KEY_A, "{\"model\":\"kling-v2\",\"input\":{\"duration\":\"5\"}}", Map.of()), 400,
                "invalid_input", "input.prompt");
        HttpResponse<String> unknownField = post(KEY_A,
                "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"x\"},\"callbackUrl\":\"https://example.com\"}",
                Map.of());
        assertFields(unknownField, 400, "unknown_field", "callbackUrl");
        assertThat(unknownField.body()).contains("did you mean callback_url?");
    }

    @Test
    @Order(7)
    void should_refuse_callback_url_with_reason_when_it_points_inside() throws Exception {
        for (String url : new String[] { "http://127.0.0.1:8080/cb", "http://0x7f000001/",
                "http://169.254.169.254/latest", "http://[::ffff:127.0.0.1]/", "ftp://example.com/",
                "http://user:pw@example.com/" }) {
            HttpResponse<String> response = post(KEY_A,
                    "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"x\"},\"callback_url\":\"" + url + "\"}", Map.of());
            assertFields(response, 400, "invalid_callback_url", "callback_url");
        }
        assertFields(post(KEY_A, "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"x\"},\"callback_url\":5}", Map.of()),
                400, "invalid_callback_url", "callback_url");
    }

    @Test
    @Order(8)
    void should_answer_415_404_and_405_when_request_does_not_fit_a_route() throws Exception {
        HttpResponse<String> textPlain = http.send(HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Authorization", "Bearer " + KEY_A)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(VALID))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(textPlain, 415, "unsupported_media_type");
        assertProblem(get("/v1/nothing-here", KEY_A), 404, "not_found");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Authorization", "Bearer " + KEY_A)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(VALID))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(put, 405, "method_not_allowed");
        assertThat(put.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    @Order(9)
    void should_answer_413_when_body_is_too_large_with_or_without_content_length() throws Exception {
        // given: gateway.api.max-body-size=64KB in this test
        byte[] large = ("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"" + "a".repeat(70_000) + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Authorization", "Bearer " + KEY_A)
            .header("Content-Type", "application/json");

        // when
        HttpResponse<String> withLength = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(
                request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertProblem(withLength, 413, "body_too_large");
        assertProblem(chunked, 413, "body_too_large");
    }

    @Test
    @Order(10)
    void should_replay_same_task_when_idempotency_key_and_body_repeat_and_conflict_when_body_differs()
            throws Exception {
        // given
        Map<String, String> key = Map.of("Idempotency-Key", "order-42");
        String reordered = "{\"input\":{\"duration\":\"5\",\"prompt\":\"a cat surfing\"},\"model\":\"kling-v2\"}";

        // when
        HttpResponse<String> first = post(KEY_A, VALID, key);
        HttpResponse<String> again = post(KEY_A, reordered, key);
        HttpResponse<String> otherTenant = post(KEY_B, VALID, key);
        HttpResponse<String> different = post(KEY_A, "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a dog\"}}", key);

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(otherTenant.statusCode()).isEqualTo(200);
        assertThat(otherTenant.body()).isNotEqualTo(first.body());
        assertFields(different, 422, "idempotency_conflict", "Idempotency-Key");
        String id = jsonMapper.readTree(first.body()).get("id").asString();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            poll();
            List<TaskSubmitted> events = seen.stream().filter(e -> e.getTaskId().equals(id)).toList();
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isEqualTo(events.get(0));
        });
        assertFields(post(KEY_A, VALID, Map.of("Idempotency-Key", "k".repeat(256))), 400, "invalid_request",
                "Idempotency-Key");
    }

    @Test
    @Order(11)
    void should_list_catalog_models_with_input_schema_when_authenticated() throws Exception {
        // when
        HttpResponse<String> response = get("/v1/models", KEY_A);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = jsonMapper.readTree(response.body()).get("data");
        // every provider adds its own catalog file, so look Kling's seed id up instead of
        // relying on order or count
        assertThat(data.size()).isGreaterThanOrEqualTo(8);
        JsonNode first = null;
        for (JsonNode model : data) {
            if ("kling-v2".equals(model.get("id").asString())) {
                first = model;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("id").asString()).isEqualTo("kling-v2");
        assertThat(first.get("provider").asString()).isEqualTo("kling");
        assertThat(first.get("kind").asString()).isEqualTo("video");
        assertThat(first.get("input_schema").get("properties").has("prompt")).isTrue();
    }

    @Test
    @Order(99)
    void should_refuse_with_422_naming_the_model_when_its_provider_is_reported_unconfigured() throws Exception {
        // given: provider-workers reported that kling has no credentials on this gateway
        database.getCollection("provider_status")
            .replaceOne(new org.bson.Document("_id", "kling"),
                    new org.bson.Document("_id", "kling").append("configured", false),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));

        // when / then (the availability cache lives a few seconds)
        await().atMost(10, TimeUnit.SECONDS).until(() -> post(KEY_A, VALID, Map.of()).statusCode() == 422);
        assertFields(post(KEY_A, VALID, Map.of()), 422, "provider_unavailable", "model");

        // and once reported configured again, submits pass
        database.getCollection("provider_status").deleteOne(new org.bson.Document("_id", "kling"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> post(KEY_A, VALID, Map.of()).statusCode() == 200);
    }

    @Test
    @Order(100)
    void should_answer_503_with_retry_after_when_kafka_does_not_acknowledge() throws Exception {
        // given: the broker refuses every record on the topic (a real refusal from Kafka,
        // nothing mocked)
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        try (AdminClient admin = AdminClient
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin
                .incrementalAlterConfigs(
                        Map.of(topic,
                                List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "64"),
                                        AlterConfigOp.OpType.SET))))
                .all()
                .get(10, TimeUnit.SECONDS);

            // when: the topic config reaches the broker asynchronously
            await().atMost(10, TimeUnit.SECONDS).until(() -> post(KEY_A, VALID, Map.of()).statusCode() == 503);
            long slotsBefore = slotsOfTenantA();
            Object countBefore = inFlightCountOfTenantA();
            HttpResponse<String> response = post(KEY_A, VALID, Map.of());

            // then: refused, and its in-flight slot given back (counted, recorded, then
            // deleted)
            assertProblem(response, 503, "unavailable");
            assertThat(slotsOfTenantA()).isEqualTo(slotsBefore);
            assertThat(inFlightCountOfTenantA()).isEqualTo(countBefore);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(meterRegistry.get("gateway.tasks.submitted").tags("outcome", "unavailable").counter().count())
                .isGreaterThanOrEqualTo(2);
            admin
                .incrementalAlterConfigs(
                        Map.of(topic,
                                List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", ""),
                                        AlterConfigOp.OpType.DELETE))))
                .all()
                .get(10, TimeUnit.SECONDS);
        }
    }

    private long slotsOfTenantA() {
        return database.getCollection("task_slots").countDocuments(new org.bson.Document("tenant_id", "tenant-a"));
    }

    private @Nullable Object inFlightCountOfTenantA() {
        org.bson.Document counts = database.getCollection("in_flight_counts")
            .find(new org.bson.Document("_id", "tenant-a"))
            .first();
        return counts == null ? null : counts.get("tasks");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = jsonMapper.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("trace");
    }

    private void assertFields(HttpResponse<String> response, int status, String code, String... fields) {
        assertProblem(response, status, code);
        JsonNode errors = jsonMapper.readTree(response.body()).get("errors");
        List<String> names = new ArrayList<>();
        errors.forEach(error -> {
            names.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(names).containsExactlyInAnyOrder(fields);
    }

    private TaskSubmitted awaitEvent(String taskId) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            poll();
            return seen.stream().anyMatch(event -> event.getTaskId().equals(taskId));
        });
        return seen.stream().filter(event -> event.getTaskId().equals(taskId)).findFirst().orElseThrow();
    }

    private static void poll() {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
            TaskSubmitted event = (TaskSubmitted) record.value();
            assertThat(record.key()).isEqualTo(event.getTaskId());
            // CloudEvents binding headers, and the trace context that ties the hops of
            // one task together
            assertThat(record.headers().lastHeader("ce_id")).isNotNull();
            assertThat(record.headers().lastHeader("ce_subject").value()).asString().isEqualTo(event.getTaskId());
            assertThat(record.headers().lastHeader("traceparent")).as("W3C trace context header").isNotNull();
            seen.add(event);
        }
    }

    private HttpResponse<String> post(String key, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(101)
    void should_refuse_a_huge_body_before_authenticating_on_every_post_endpoint() throws Exception {
        for (String path : java.util.List.of("/v1/task/submit", "/v1/webhooks/secret/rotate", "/v1/webhooks/recover")) {
            assertThat(AnnouncedBody.statusLine(port, "POST", path)).as(path).startsWith("HTTP/1.1 413");
        }
    }

}
