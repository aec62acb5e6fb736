package com.aimedia.gateway.taskevents;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import com.aimedia.gateway.schemas.EventCodec;
import com.aimedia.gateway.schemas.UndecodableEventException;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * Kafka value deserializer for {@link TaskEvents#TOPIC}. Decodes every committed version
 * of the schema into the current {@link TaskStatusChanged} class (fields added later take
 * their defaults). Throws {@link UndecodableEventException} for bytes that are not a
 * TaskStatusChanged; wrap it in an error-handling deserializer (Spring Kafka's
 * {@code ErrorHandlingDeserializer}) so such a record goes to a dead-letter topic instead
 * of stopping the consumer.
 */
public class TaskStatusChangedDeserializer implements Deserializer<TaskStatusChanged> {

    private final EventCodec codec = new EventCodec();

    @Override
    public TaskStatusChanged deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new UndecodableEventException("a record without a value is not a TaskStatusChanged");
        }
        SpecificRecord event = codec.decode(data);
        if (event instanceof TaskStatusChanged changed) {
            return changed;
        }
        throw new UndecodableEventException("expected a TaskStatusChanged but got a " + event.getSchema().getName());
    }

}
