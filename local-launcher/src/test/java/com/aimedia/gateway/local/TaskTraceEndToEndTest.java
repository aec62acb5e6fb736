package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace per task from submit to webhook, across every HTTP and Kafka hop and the work
 * that runs from a schedule (the orchestrator's polls and outbox, callback-service's
 * webhook attempts): the four services run in this JVM and export their spans into one
 * in-memory exporter; the client submits inside a trace of its own.
 */
class TaskTraceEndToEndTest {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningGateway gateway;

    /**
     * Added to every service's context (spring.main.sources): their spans all end up in
     * {@link #SPANS}.
     */
    @Configuration(proxyBeanMethods = false)
    static class SharedSpanExporter {

        @Bean
        SpanExporter inMemorySpanExporter() {
            return new SpanExporter() {
                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<SpanData> spans) {
                    return SPANS.export(spans);
                }

                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode flush() {
                    return SPANS.flush();
                }

                @Override
                public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
                    // shared by four contexts: the first to close must not stop the
                    // others' export
                    return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
                }
            };
        }

    }

    @BeforeAll
    static void startGateway() throws Exception {
        Map<String, String> properties = Map.of("spring.main.sources", SharedSpanExporter.class.getName(),
                "management.tracing.sampling.probability", "1.0",
                "management.opentelemetry.tracing.export.schedule-delay", "100ms");
        // system properties reach each service's context; taken back once they started,
        // so no other test sees them
        properties.forEach(System::setProperty);
        try {
            gateway = LocalGateway.start(LocalGatewayOptions.forTests());
        }
        finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void should_keep_one_trace_from_the_submit_through_scheduled_polls_to_every_webhook() throws Exception {
        // given: a client that traces its submit
        String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String traceParent = "00-" + traceId + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8))
                + "-01";
        try (WebhookReceiver receiver = new WebhookReceiver(); HttpClient http = HttpClient.newHttpClient()) {
            // given: a gateway past its start-up (the first task after a start can reach
            // the orchestrator after
            // the workers' reports, while its consumers still join; its early polls then
            // run before its trace is
            // stored with it)
            finishOneTask(http);

            // when
            HttpResponse<String> submitted = http
                .send(HttpRequest.newBuilder(URI.create(gateway.apiBaseUrl() + "/v1/task/submit"))
                    .header("Authorization", "Bearer " + gateway.devApiKey())
                    .header("Content-Type", "application/json")
                    .header("traceparent", traceParent)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"kling-v2","input":{"prompt":"a red fox in snow"},"callback_url":"%s"}"""
                        .formatted(receiver.url("/hook"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

            // then: every webhook carries the client's trace (the final one follows
            // scheduled polls; an earlier
            // version may be superseded by a newer one before it is sent, as webhook
            // ordering allows)
            await().atMost(Duration.ofSeconds(60))
                .until(() -> receiver.received()
                    .stream()
                    .anyMatch(webhook -> webhook.body().contains("\"completed\"")));
            List<WebhookReceiver.Received> webhooks = receiver.received();
            assertThat(webhooks).extracting(webhook -> JSON.readTree(webhook.body()).get("status").asString())
                .contains("completed");
            assertThat(webhooks)
                .allSatisfy(webhook -> assertThat(webhook.header("traceparent")).as("traceparent of the webhook POST")
                    .startsWith("00-" + traceId + "-"));

            // then: the spans of every service, the poll hops and the webhook attempts
            // included, are in that trace
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<SpanData> trace = SPANS.getFinishedSpanItems()
                    .stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .toList();
                Set<String> services = trace.stream()
                    .map(span -> span.getResource().getAttribute(SERVICE_NAME))
                    .collect(Collectors.toSet());
                assertThat(services).contains("api-service", "orchestrator-service", "provider-workers",
                        "callback-service");
                assertThat(trace).as("a scheduled poll published and consumed in the task's trace")
                    .anySatisfy(span -> assertPollHop(span, SpanKind.PRODUCER, "orchestrator-service"))
                    .anySatisfy(span -> assertPollHop(span, SpanKind.CONSUMER, "provider-workers"));
                assertThat(trace).extracting(SpanData::getName).contains("poll", "webhook attempt");
            });
        }
    }

    private static void finishOneTask(HttpClient http) throws Exception {
        HttpResponse<String> warmUp = http.send(HttpRequest
            .newBuilder(URI.create(gateway.apiBaseUrl() + "/v1/task/submit"))
            .header("Authorization", "Bearer " + gateway.devApiKey())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"warm up\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(warmUp.statusCode()).as(warmUp.body()).isEqualTo(200);
        String id = JSON.readTree(warmUp.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> http
                .send(HttpRequest.newBuilder(URI.create(gateway.apiBaseUrl() + "/v1/task/" + id))
                    .header("Authorization", "Bearer " + gateway.devApiKey())
                    .build(), HttpResponse.BodyHandlers.ofString())
                .body()
                .contains("\"completed\""));
    }

    private static void assertPollHop(SpanData span, SpanKind kind, String service) {
        assertThat(span.getKind()).isEqualTo(kind);
        assertThat(span.getName()).contains("tasks.poll.kling");
        assertThat(span.getResource().getAttribute(SERVICE_NAME)).isEqualTo(service);
    }

}
