package com.aimedia.gateway.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for every gateway event. Throws
 * {@link UndecodableEventException} for bytes it cannot decode; wrap it in Spring Kafka's
 * ErrorHandlingDeserializer so such a record goes to the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    private final EventCodec codec = new EventCodec();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }

}
