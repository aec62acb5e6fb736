package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.aimedia.gateway.api.ApiServiceApplication;

/**
 * Two api-service replicas on one MongoDB and one embedded Kafka, nothing mocked:
 * {@link #replica1} is the test's Spring context, {@link #replica2} a second application
 * started from the same configuration. The subclasses share both (Spring caches the
 * context), so each test uses its own tenants. Both replicas read
 * {@link TestClockConfiguration#CLOCK}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=api-service",
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.kafka.publish-timeout=5s", "gateway.api.task-id-secret=" + PlatformTestBase.TASK_ID_SECRET,
                "gateway.api.admin.token=" + PlatformTestBase.ADMIN_TOKEN,
                "gateway.api.quotas.requests-per-second=100000", "gateway.api.quotas.tasks-in-flight=100000",
                "gateway.api.cancel-wait=60s" })
@EmbeddedKafka(partitions = 1)
@Import(TestClockConfiguration.class)
abstract class PlatformTestBase {

    static final String TASK_ID_SECRET = "platform-test-secret-0123456789abcdef";
    static final String ADMIN_TOKEN = "admin-token-0123456789-0123456789-abcdef";
    static final String KLING = "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a cat surfing\",\"duration\":\"5\"}}";

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static final AtomicInteger TENANTS = new AtomicInteger();

    private static @Nullable ConfigurableApplicationContext second;

    final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    int replica1;

    int replica2;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper json;

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", PlatformTestBase::mongoUri);
    }

    static String mongoUri() {
        return MONGO.uri();
    }

    @org.junit.jupiter.api.BeforeEach
    void startSecondReplica() {
        synchronized (PlatformTestBase.class) {
            if (second == null) {
                // command-line arguments: they outrank api-service.yml (server.port:
                // 8080), default properties do not
                second = new SpringApplicationBuilder(ApiServiceApplication.class, TestClockConfiguration.class).run(
                        "--spring.config.name=api-service", "--server.port=0", "--management.server.port=0",
                        "--gateway.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--gateway.kafka.partitions=1", "--gateway.kafka.publish-timeout=5s",
                        "--gateway.api.task-id-secret=" + TASK_ID_SECRET, "--gateway.api.admin.token=" + ADMIN_TOKEN,
                        "--gateway.mongo.uri=" + mongoUri(), "--gateway.api.quotas.requests-per-second=100000",
                        "--gateway.api.quotas.tasks-in-flight=100000", "--gateway.api.cancel-wait=60s");
            }
        }
        replica2 = Integer.parseInt(second.getEnvironment().getProperty("local.server.port", "0"));
    }

    /**
     * A fresh tenant id, so tests sharing the database never see each other's tenants.
     */
    static String newTenantId(String prefix) {
        return prefix + "-" + TENANTS.incrementAndGet();
    }

    /** Creates a tenant through the admin API of replica 1. */
    void createTenant(String tenantId, String extraJson) throws Exception {
        HttpResponse<String> created = admin(replica1, "POST", "/admin/v1/tenants",
                "{\"id\":\"" + tenantId + "\"" + extraJson + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** Creates a key and returns its JSON answer, secret included. */
    JsonNode createKey(String tenantId, String body) throws Exception {
        HttpResponse<String> created = admin(replica1, "POST", "/admin/v1/tenants/" + tenantId + "/keys", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    String newKey(String tenantId) throws Exception {
        return createKey(tenantId, "{\"name\":\"test\"}").get("secret").asString();
    }

    HttpResponse<String> admin(int port, String method, String path, @Nullable String body) throws Exception {
        return call(port, method, path, ADMIN_TOKEN, body, Map.of());
    }

    HttpResponse<String> submit(int port, String key, String body) throws Exception {
        return call(port, "POST", "/v1/task/submit", key, body, Map.of());
    }

    HttpResponse<String> get(int port, String path, String key) throws Exception {
        return call(port, "GET", path, key, null, Map.of());
    }

    HttpResponse<String> call(int port, String method, String path, @Nullable String bearer, @Nullable String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes a task as the orchestrator stores it (the API only reads {@code tasks}). */
    void storeTask(String taskId, String tenantId, String model, String status, long createdAtMillis) {
        String view = "{\"id\":\"" + taskId + "\",\"status\":\"" + status + "\",\"created_at\":"
                + createdAtMillis / 1000 + ",\"version\":1,\"updated_at\":" + createdAtMillis / 1000 + "}";
        database.getCollection("tasks")
            .replaceOne(new Document("_id", taskId),
                    new Document("_id", taskId).append("tenant_id", tenantId)
                        .append("model", model)
                        .append("status", status)
                        .append("created_at", new Date(createdAtMillis))
                        .append("view", view),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    void assertProblem(HttpResponse<String> response, int status, String code, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
        List<String> names = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            errors.forEach(error -> names.add(error.get("field").asString()));
        }
        assertThat(names).containsExactlyInAnyOrder(fields);
    }

}
