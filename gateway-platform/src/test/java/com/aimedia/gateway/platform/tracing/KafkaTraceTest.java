package com.aimedia.gateway.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.platform.kafka.GatewayKafkaConfiguration;
import com.aimedia.gateway.schemas.v1.PollRequested;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * A record published inside a span is consumed inside a span of the same trace, and both
 * are exported: the Kafka hop of a task's trace. With no OTLP endpoint configured,
 * nothing is sent anywhere (export is off by default).
 */
@SpringBootTest(classes = KafkaTraceTest.TracedService.class,
        properties = { "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
@EmbeddedKafka(partitions = 1, topics = KafkaTraceTest.TOPIC)
class KafkaTraceTest {

    static final String TOPIC = "tasks.poll.trace-test";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(GatewayKafkaConfiguration.class)
    static class TracedService {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

    }

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private Tracer tracer;

    @Autowired
    private ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory;

    @Autowired
    private InMemorySpanExporter exported;

    @Autowired
    private ApplicationContext context;

    @Test
    void should_continue_the_producers_trace_in_the_consumer_and_export_both_when_a_record_crosses_kafka() {
        // given: a consumer that notes the trace it runs in
        BlockingQueue<String> consumedInTrace = new LinkedBlockingQueue<>();
        ConcurrentMessageListenerContainer<String, SpecificRecord> container = factory.createContainer(TOPIC);
        container.getContainerProperties().setGroupId("trace-test");
        container.getContainerProperties()
            .setMessageListener((MessageListener<String, SpecificRecord>) record -> consumedInTrace
                .add(tracer.currentSpan() == null ? "none" : tracer.currentSpan().context().traceId()));
        container.start();

        // when: published inside a span, as a request handler does
        Span request = tracer.nextSpan().name("submit").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            publisher.publish(TOPIC,
                    PollRequested.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setTaskId("task-trace")
                        .setOccurredAt(Instant.now())
                        .setProvider("trace-test")
                        .setProviderTaskId("pt")
                        .setAttempt(1)
                        .build());
        }
        finally {
            request.end();
        }

        // then
        String traceId = request.context().traceId();
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumedInTrace.isEmpty());
        assertThat(consumedInTrace.peek()).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(spansOf(traceId)).extracting(SpanData::getKind)
                .contains(SpanKind.PRODUCER, SpanKind.CONSUMER));
        assertThat(context.getBeansOfType(OtlpHttpSpanExporter.class)).as("no endpoint, no OTLP export").isEmpty();
        container.stop();
    }

    private List<SpanData> spansOf(String traceId) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

}
