package com.aimedia.gateway.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * With an OTLP endpoint configured, finished spans are sent to the collector (here an
 * in-process one).
 */
@SpringBootTest(classes = OtlpExportTest.Service.class, properties = { "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms" })
class OtlpExportTest {

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private static final HttpServer COLLECTOR = collector();

    record Received(String path, String contentType, int bytes) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

    }

    @Autowired
    private Tracer tracer;

    @DynamicPropertySource
    static void collectorEndpoint(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void should_send_finished_spans_to_the_collector_when_an_endpoint_is_configured() {
        Span span = tracer.nextSpan().name("export-me").start();
        span.end();

        await().atMost(Duration.ofSeconds(30)).until(() -> !RECEIVED.isEmpty());
        Received request = RECEIVED.getFirst();
        assertThat(request.path()).isEqualTo("/v1/traces");
        assertThat(request.contentType()).isEqualTo("application/x-protobuf");
        assertThat(request.bytes()).isPositive();
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body.length));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
