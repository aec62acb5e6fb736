package com.aimedia.gateway.taskevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.EventSerializer;
import com.aimedia.gateway.schemas.UndecodableEventException;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

class TaskEventsKitTest {

    private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

    private final TaskStatusChangedDeserializer deserializer = new TaskStatusChangedDeserializer();

    static TaskStatusChanged completed(String taskId) {
        return TaskStatusChanged.newBuilder()
            .setEventId("evt-1")
            .setTaskId(taskId)
            .setOccurredAt(AT)
            .setTenantId("tenant-a")
            .setModel("kling-v2")
            .setProvider("kling")
            .setVersion(3)
            .setStatus(TaskStatus.COMPLETED)
            .setCreatedAt(AT.minusSeconds(60))
            .setUpdatedAt(AT)
            .setCompletedAt(AT)
            .setOutputs(List.of("https://files.example.com/out.mp4"))
            .setBody("{\"id\":\"" + taskId + "\",\"status\":\"completed\"}")
            .build();
    }

    @Test
    void should_decode_what_the_gateway_publishes_with_its_metadata_when_consuming_tasks_changed() {
        ProducerRecord<String, SpecificRecord> published = CloudEventHeaders.record(TaskEvents.TOPIC,
                completed("task-1"), "/gateway/orchestrator-service");
        byte[] value = new EventSerializer().serialize(published.topic(), published.value());

        TaskStatusChanged event = deserializer.deserialize(TaskEvents.TOPIC, value);
        TaskEventMetadata metadata = TaskEventMetadata.from(published.headers());

        assertThat(event).isEqualTo(completed("task-1"));
        assertThat(published.key()).isEqualTo("task-1");
        assertThat(metadata).isEqualTo(new TaskEventMetadata("evt-1", "com.aimedia.gateway.TaskStatusChanged",
                "/gateway/orchestrator-service", AT, "task-1", null));
        assertThat(TaskEvents.TYPE).isEqualTo(metadata.type());
    }

    @Test
    void should_produce_the_gateway_bytes_when_serializing_with_the_kit() {
        byte[] kit = new TaskStatusChangedSerializer().serialize(TaskEvents.TOPIC, completed("task-2"));

        assertThat(kit).isEqualTo(new EventSerializer().serialize(TaskEvents.TOPIC, completed("task-2")));
    }

    @Test
    void should_refuse_another_event_type_naming_it_when_it_lands_on_the_topic() {
        byte[] poll = new EventSerializer().serialize("x",
                PollRequested.newBuilder()
                    .setEventId("e")
                    .setTaskId("t")
                    .setOccurredAt(AT)
                    .setProvider("kling")
                    .setProviderTaskId("p")
                    .setAttempt(1)
                    .build());

        assertThatThrownBy(() -> deserializer.deserialize(TaskEvents.TOPIC, poll))
            .isInstanceOf(UndecodableEventException.class)
            .hasMessageContaining("PollRequested");
        assertThatThrownBy(() -> deserializer.deserialize(TaskEvents.TOPIC, new byte[] { 1, 2, 3 }))
            .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> deserializer.deserialize(TaskEvents.TOPIC, null))
            .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void should_name_the_missing_header_when_a_record_lacks_one() {
        assertThatThrownBy(() -> TaskEventMetadata.from(new RecordHeaders()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("missing CloudEvents header ce_id");
    }

    @Test
    void should_name_a_dead_letter_topic_per_consumer_group() {
        assertThat(TaskEvents.deadLetterTopic("billing")).isEqualTo("tasks.changed.billing.DLT");
    }

}
