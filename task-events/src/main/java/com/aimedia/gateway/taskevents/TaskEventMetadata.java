package com.aimedia.gateway.taskevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents attributes of one record of {@link TaskEvents#TOPIC}, read from its
 * headers.
 *
 * @param id unique per event; the same on a redelivery, so it can deduplicate
 * @param type {@link TaskEvents#TYPE}
 * @param source the producing service, e.g. {@code /gateway/orchestrator-service}
 * @param time when the change happened
 * @param subject the task id (also the record key)
 * @param traceparent the W3C trace context, null when the producer did not trace
 */
public record TaskEventMetadata(String id, String type, String source, Instant time, String subject,
        @Nullable String traceparent) {

    /**
     * @throws IllegalArgumentException naming the header when a required CloudEvents
     * header is missing
     */
    public static TaskEventMetadata from(Headers headers) {
        return new TaskEventMetadata(required(headers, TaskEvents.HEADER_ID), required(headers, TaskEvents.HEADER_TYPE),
                required(headers, TaskEvents.HEADER_SOURCE), Instant.parse(required(headers, TaskEvents.HEADER_TIME)),
                required(headers, TaskEvents.HEADER_SUBJECT), value(headers, TaskEvents.HEADER_TRACEPARENT));
    }

    private static String required(Headers headers, String name) {
        String value = value(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static @Nullable String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
