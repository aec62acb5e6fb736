package com.aimedia.gateway.example.taskevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.taskevents.TaskEvents;

/**
 * The example consumer against a real (embedded) broker, fed the records the gateway's
 * orchestrator publishes.
 */
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = TaskEvents.TOPIC)
class TaskEventsExampleIntegrationTest {

    private static final String DLQ = TaskEvents.deadLetterTopic("task-events-example");

    @Autowired
    private TaskStatusBoard board;

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private KafkaProducer<String, SpecificRecord> gateway;

    @BeforeEach
    void startGatewayProducer() {
        gateway = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new EventSerializer());
    }

    @AfterEach
    void stopGatewayProducer() {
        gateway.close();
    }

    @Test
    void should_keep_the_newest_state_of_a_task_when_changes_arrive_duplicated_and_out_of_order() throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        long finishedBefore = board.finished();

        publish(changed(taskId, 1, TaskStatus.QUEUED));
        publish(changed(taskId, 3, TaskStatus.COMPLETED));
        publish(changed(taskId, 3, TaskStatus.COMPLETED));
        publish(changed(taskId, 2, TaskStatus.IN_PROGRESS));
        String marker = "task-" + UUID.randomUUID();
        publish(changed(marker, 1, TaskStatus.QUEUED));

        // one partition keeps order: once the marker is in, every earlier record was
        // handled
        await().atMost(Duration.ofSeconds(30)).until(() -> board.latest(marker).isPresent());
        TaskStatusChanged latest = board.latest(taskId).orElseThrow();
        assertThat(latest.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(latest.getVersion()).isEqualTo(3);
        assertThat(latest.getOutputs()).containsExactly("https://gateway.example.com/files/" + taskId + "/0.mp4");
        assertThat(board.finished() - finishedBefore).as("the duplicate completion counts once").isEqualTo(1);
    }

    @Test
    void should_send_a_record_that_is_no_task_event_to_the_dead_letter_topic_and_go_on() throws Exception {
        byte[] poison = "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(TaskEvents.TOPIC, "poison-key", poison)).get();
        }
        String after = "task-" + UUID.randomUUID();
        publish(changed(after, 1, TaskStatus.QUEUED));

        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(DLQ));
            List<ConsumerRecord<String, byte[]>> dead = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });

            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("poison-key");
                assertThat(record.value()).isEqualTo(poison);
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> board.latest(after).isPresent());
    }

    private void publish(TaskStatusChanged event) throws Exception {
        gateway.send(CloudEventHeaders.record(TaskEvents.TOPIC, event, "/gateway/orchestrator-service")).get();
    }

    private static TaskStatusChanged changed(String taskId, long version, TaskStatus status) {
        Instant created = Instant.parse("2026-12-06T01:00:00Z");
        Instant at = created.plusSeconds(version);
        boolean terminal = status == TaskStatus.COMPLETED || status == TaskStatus.FAILED;
        return TaskStatusChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(at)
            .setTenantId("tenant-a")
            .setModel("kling-v2")
            .setProvider("kling")
            .setVersion(version)
            .setStatus(status)
            .setCreatedAt(created)
            .setUpdatedAt(at)
            .setCompletedAt(terminal ? at : null)
            .setOutputs(status == TaskStatus.COMPLETED
                    ? List.of("https://gateway.example.com/files/" + taskId + "/0.mp4") : List.of())
            .setBody("{\"id\":\"" + taskId + "\",\"status\":\"" + status.name().toLowerCase() + "\"}")
            .build();
    }

}
