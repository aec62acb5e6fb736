package com.aimedia.gateway.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every gateway event (Avro single-object encoding). */
public class EventSerializer implements Serializer<SpecificRecord> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return event == null ? null : codec.encode(event);
    }

}
