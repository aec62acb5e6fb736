package com.aimedia.gateway.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

import org.apache.avro.specific.SpecificRecord;

/**
 * Builds producer records keyed by task id with the CloudEvents Kafka binding headers (binary mode):
 * {@code ce_specversion, ce_id, ce_type, ce_source, ce_time, ce_subject}.
 */
public final class CloudEventHeaders {

    private static final String TYPE_PREFIX = "com.aimedia.gateway.";

    private CloudEventHeaders() {
    }

    public static ProducerRecord<String, SpecificRecord> record(String topic, SpecificRecord event, String source) {
        EventMeta meta = meta(event);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, meta.taskId(), event);
        Headers headers = record.headers();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", meta.eventId());
        add(headers, "ce_type", TYPE_PREFIX + event.getClass().getSimpleName());
        add(headers, "ce_source", source);
        add(headers, "ce_time", meta.occurredAt().toString());
        add(headers, "ce_subject", meta.taskId());
        add(headers, "content-type", "application/avro");
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private record EventMeta(String eventId, String taskId, Instant occurredAt) {
    }

    private static EventMeta meta(SpecificRecord event) {
        return switch (event) {
            case TaskSubmitted e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case PollRequested e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case TaskStatusReported e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case TaskStatusChanged e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case TaskCancelRequested e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            default -> throw new IllegalArgumentException("not a gateway event type: " + event.getClass().getName());
        };
    }
}
