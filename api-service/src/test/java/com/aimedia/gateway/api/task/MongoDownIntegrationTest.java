package com.aimedia.gateway.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * With MongoDB gone (keys, idempotency keys and tasks live there), submit and GET answer a 503 problem with
 * Retry-After, never a 200 for a task the gateway could not make durable and never a 500; readiness goes down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=api-service",
        "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "gateway.kafka.partitions=1",
        "gateway.api.task-id-secret=integration-test-secret-0123456789abcdef",
        "gateway.api.dev-api-key=" + MongoDownIntegrationTest.KEY })
@EmbeddedKafka(partitions = 1)
class MongoDownIntegrationTest {

    static final String KEY = "key-of-tenant-m-0123456789";

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @Test
    void should_answer_503_with_retry_after_and_report_not_ready_when_mongodb_is_unreachable() throws Exception {
        // given
        MONGO.shutdownNow();

        // when
        HttpResponse<String> submit = send(HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a fox\"}}")));
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/v1/task/task_x")).header("Authorization",
                "Bearer " + KEY));
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")));

        // then
        for (HttpResponse<String> response : java.util.List.of(submit, get)) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("retry-after")).hasValue("5");
            assertThat(response.body()).contains("\"code\":\"unavailable\"").doesNotContain("Exception");
        }
        assertThat(readiness.statusCode()).isEqualTo(503);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
