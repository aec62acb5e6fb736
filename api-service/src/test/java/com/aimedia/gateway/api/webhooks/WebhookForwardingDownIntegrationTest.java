package com.aimedia.gateway.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

/** With the callback-service down, a forwarded path answers a 503 problem with Retry-After, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=api-service",
        "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "gateway.kafka.partitions=1",
        "gateway.api.task-id-secret=integration-test-secret-0123456789abcdef",
        "gateway.api.dev-api-key=" + WebhookForwardingDownIntegrationTest.KEY,
        "gateway.api.callback-service-timeout=2s" })
@EmbeddedKafka(partitions = 1)
class WebhookForwardingDownIntegrationTest {

    static final String KEY = "key-of-tenant-d-0123456789";

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
        registry.add("gateway.api.callback-service-url", () -> "http://127.0.0.1:" + closedPort());
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @Test
    void should_answer_503_problem_when_the_callback_service_is_down() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/task/task_x/deliveries"))
            .header("Authorization", "Bearer " + KEY)
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("retry-after")).isPresent();
        assertThat(response.body()).contains("\"code\":\"unavailable\"");
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
