package com.aimedia.gateway.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;

/**
 * With the broker unreachable, a publish fails as PublishFailedException (a 503 at the
 * API), never as a bug.
 */
class EventPublisherTest {

    @Test
    void should_fail_as_not_published_when_the_broker_cannot_be_reached() throws IOException {
        // given: a producer whose broker is a closed port
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 300, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 300,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new EventSerializer());
        EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), "/gateway/test",
                Duration.ofSeconds(1));
        ProviderCallbackReceived event = ProviderCallbackReceived.newBuilder()
            .setEventId("e-1")
            .setTaskId("task_1")
            .setOccurredAt(java.time.Instant.now())
            .setProvider("kling")
            .build();

        try {
            // when / then
            assertThatThrownBy(() -> publisher.publish("tasks.status", event))
                .isInstanceOf(PublishFailedException.class);
        }
        finally {
            factory.destroy();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
