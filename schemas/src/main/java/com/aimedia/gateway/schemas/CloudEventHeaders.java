package com.aimedia.gateway.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

import org.apache.avro.specific.SpecificRecord;

/**
 * Builds producer records keyed by task id with the CloudEvents Kafka binding headers
 * (binary mode): {@code ce_specversion, ce_id, ce_type, ce_source, ce_time, ce_subject}.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";

    public static final String ID = "ce_id";

    public static final String TYPE = "ce_type";

    public static final String SOURCE = "ce_source";

    public static final String TIME = "ce_time";

    public static final String SUBJECT = "ce_subject";

    /** The content type of the value: {@value #AVRO}, single-object encoded. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String AVRO = "application/avro";

    /**
     * {@code ce_type} is this prefix plus the event's record name, e.g.
     * {@code com.aimedia.gateway.TaskStatusChanged}.
     */
    public static final String TYPE_PREFIX = "com.aimedia.gateway.";

    /** Every header the gateway's producers set, in the order they are added. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, TYPE, SOURCE, TIME, SUBJECT, CONTENT_TYPE);

    private CloudEventHeaders() {
    }

    public static ProducerRecord<String, SpecificRecord> record(String topic, SpecificRecord event, String source) {
        EventMeta meta = meta(event);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, meta.taskId(), event);
        Headers headers = record.headers();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, meta.eventId());
        add(headers, TYPE, type(event.getClass()));
        add(headers, SOURCE, source);
        add(headers, TIME, meta.occurredAt().toString());
        add(headers, SUBJECT, meta.taskId());
        add(headers, CONTENT_TYPE, AVRO);
        return record;
    }

    /** The {@code ce_type} of an event class. */
    public static String type(Class<? extends SpecificRecord> eventType) {
        return TYPE_PREFIX + eventType.getSimpleName();
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
            case SubmissionCheckRequested e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case ProviderCallbackReceived e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            case TaskCancelRequested e -> new EventMeta(e.getEventId(), e.getTaskId(), e.getOccurredAt());
            default -> throw new IllegalArgumentException("not a gateway event type: " + event.getClass().getName());
        };
    }

}
