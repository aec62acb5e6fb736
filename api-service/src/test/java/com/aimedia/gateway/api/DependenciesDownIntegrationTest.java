package com.aimedia.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.testsupport.InMemoryMongo;

/**
 * With a dependency down, the API answers a 503 problem with Retry-After, never a 500 and
 * never a 200 for a task it could not make durable: first the callback-service (forwarded
 * paths), then MongoDB (keys, idempotency keys and tasks live there), which also takes
 * readiness down. One context for both saves a start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=api-service",
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.api.task-id-secret=integration-test-secret-0123456789abcdef",
                "gateway.api.dev-api-key=" + DependenciesDownIntegrationTest.KEY,
                "gateway.api.callback-service-timeout=2s", "management.server.port=0" })
@EmbeddedKafka(partitions = 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DependenciesDownIntegrationTest {

    static final String KEY = "key-of-tenant-d-0123456789";

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // one second per request that waits for the stopped MongoDB (the default is five)
        registry.add("gateway.mongo.uri", () -> MONGO.uri() + "/?serverSelectionTimeoutMS=1000");
        registry.add("gateway.api.callback-service-url", () -> "http://127.0.0.1:" + closedPort());
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    @Order(1)
    void should_answer_503_problem_when_the_callback_service_is_down() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/task/task_x/deliveries"))
                .header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("retry-after")).isPresent();
        assertThat(response.body()).contains("\"code\":\"unavailable\"");
    }

    @Test
    @Order(2)
    void should_answer_503_with_retry_after_and_report_not_ready_when_mongodb_is_unreachable() throws Exception {
        // given
        MONGO.close();

        // when
        HttpResponse<String> submit = send(HttpRequest.newBuilder(uri("/v1/task/submit"))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a fox\"}}")));
        HttpResponse<String> get = send(
                HttpRequest.newBuilder(uri("/v1/task/task_x")).header("Authorization", "Bearer " + KEY));
        // actuator answers on the management port only
        HttpResponse<String> readiness = send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")));

        // then
        for (HttpResponse<String> response : List.of(submit, get)) {
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
