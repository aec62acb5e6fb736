package com.aimedia.gateway.taskevents;

import org.apache.kafka.common.serialization.Serializer;

import com.aimedia.gateway.schemas.EventCodec;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * Kafka value serializer for {@link TaskStatusChanged}, byte for byte what the gateway
 * publishes: for tests of a consumer and for replaying a dead-lettered event.
 */
public class TaskStatusChangedSerializer implements Serializer<TaskStatusChanged> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, TaskStatusChanged event) {
        return codec.encode(event);
    }

}
