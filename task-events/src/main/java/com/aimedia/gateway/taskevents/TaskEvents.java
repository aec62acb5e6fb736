package com.aimedia.gateway.taskevents;

import com.aimedia.gateway.schemas.CloudEventHeaders;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * The public task event stream, for services outside the gateway. Records are keyed by
 * task id (one task's events stay in order on one partition) and carry one
 * {@link TaskStatusChanged} each, Avro single-object encoded, with the CloudEvents Kafka
 * binding headers (binary mode). Delivery is at least once: drop an event whose
 * {@code (taskId, version)} you have already applied.
 */
public final class TaskEvents {

    /** The topic to subscribe to. */
    public static final String TOPIC = Topics.CHANGED;

    /** The value of {@code ce_type} on every record of {@link #TOPIC}. */
    public static final String TYPE = CloudEventHeaders.type(TaskStatusChanged.class);

    /**
     * CloudEvents header names (Kafka protocol binding, binary content mode); values are
     * UTF-8 strings.
     */
    public static final String HEADER_SPEC_VERSION = CloudEventHeaders.SPEC_VERSION;

    public static final String HEADER_ID = CloudEventHeaders.ID;

    public static final String HEADER_TYPE = CloudEventHeaders.TYPE;

    public static final String HEADER_SOURCE = CloudEventHeaders.SOURCE;

    public static final String HEADER_TIME = CloudEventHeaders.TIME;

    public static final String HEADER_SUBJECT = CloudEventHeaders.SUBJECT;

    public static final String HEADER_CONTENT_TYPE = CloudEventHeaders.CONTENT_TYPE;

    /** W3C trace context of the change, so a consumer's spans join the task's trace. */
    public static final String HEADER_TRACEPARENT = "traceparent";

    private TaskEvents() {
    }

    /**
     * The dead-letter topic a consumer group should use, so one team's poison records
     * never mix with another's.
     */
    public static String deadLetterTopic(String consumerGroup) {
        return TOPIC + "." + consumerGroup + Topics.DEAD_LETTER_SUFFIX;
    }

}
