package com.aimedia.gateway.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.sun.net.httpserver.HttpServer;

/**
 * The api-service forwards exactly the delivery log and secret paths to the
 * callback-service (here a local stub that records what it gets), passes its answer on,
 * and answers a 503 problem when it cannot be reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=api-service",
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.api.task-id-secret=integration-test-secret-0123456789abcdef",
                "gateway.api.dev-api-key=" + WebhookForwardingIntegrationTest.KEY, "gateway.api.dev-tenant-id=tenant-f",
                "gateway.api.callback-service-timeout=2s" })
@EmbeddedKafka(partitions = 1)
class WebhookForwardingIntegrationTest {

    static final String KEY = "key-of-tenant-f-0123456789";

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static final List<String> forwarded = new CopyOnWriteArrayList<>();

    private static final HttpServer UPSTREAM = upstream();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
        registry.add("gateway.api.callback-service-url", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        UPSTREAM.stop(0);
        MONGO.close();
    }

    @Test
    void should_forward_path_query_and_key_and_pass_the_answer_on_when_the_callback_service_answers() throws Exception {
        // when
        HttpResponse<String> list = send("GET", "/v1/task/task_abc/deliveries", KEY);
        HttpResponse<String> recover = send("POST", "/v1/webhooks/recover?since=1764151200", KEY);
        HttpResponse<String> rotate = send("POST", "/v1/webhooks/secret/rotate", KEY);

        // then
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"upstream\":\"GET /v1/task/task_abc/deliveries\"}");
        assertThat(list.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(recover.statusCode()).isEqualTo(200);
        assertThat(rotate.statusCode()).isEqualTo(200);
        assertThat(forwarded).contains("GET /v1/task/task_abc/deliveries Bearer " + KEY,
                "POST /v1/webhooks/recover?since=1764151200 Bearer " + KEY,
                "POST /v1/webhooks/secret/rotate Bearer " + KEY);
    }

    @Test
    void should_forward_a_webhook_test_with_its_checked_body() throws Exception {
        // when
        HttpResponse<String> test = http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/webhooks/test"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{ \"url\" : \"https://hooks.example.com/in\" }"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notJson = send("POST", "/v1/webhooks/test", KEY);

        // then
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(forwarded)
            .contains("POST /v1/webhooks/test Bearer " + KEY + " {\"url\":\"https://hooks.example.com/in\"}");
        assertThat(notJson.statusCode()).isEqualTo(415);
    }

    @Test
    void should_answer_401_without_forwarding_when_the_key_is_wrong() throws Exception {
        int before = forwarded.size();

        HttpResponse<String> response = send("GET", "/v1/webhooks/secret", "wrong-key-0123456789");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(forwarded).hasSize(before);
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + key)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer upstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String uri = exchange.getRequestURI().toString();
                String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                forwarded.add(exchange.getRequestMethod() + " " + uri + " "
                        + exchange.getRequestHeaders().getFirst("Authorization")
                        + (received.isEmpty() ? "" : " " + received));
                byte[] body = ("{\"upstream\":\"" + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
