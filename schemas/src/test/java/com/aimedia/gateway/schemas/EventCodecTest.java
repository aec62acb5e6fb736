package com.aimedia.gateway.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private final Instant now = Instant.parse("2026-11-26T10:00:00.123Z").truncatedTo(ChronoUnit.MILLIS);

    @Test
    void should_round_trip_an_event_when_encoded_with_single_object_encoding() {
        TaskSubmitted event = TaskSubmitted.newBuilder()
            .setEventId("e1")
            .setTaskId("task_1")
            .setOccurredAt(now)
            .setTenantId("t1")
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput("{\"prompt\":\"fox\"}")
            .setCallbackUrl(null)
            .setCreatedAt(now)
            .build();

        byte[] bytes = codec.encode(event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(codec.decode(bytes)).isEqualTo(event);
    }

    @Test
    void should_pick_the_event_type_by_fingerprint_when_decoding() {
        TaskStatusReported event = TaskStatusReported.newBuilder()
            .setEventId("e2")
            .setTaskId("task_2")
            .setOccurredAt(now)
            .setProvider("kling")
            .setOutcome(ReportedOutcome.COMPLETED)
            .setOutputs(List.of("http://x/1.mp4"))
            .build();

        assertThat(codec.decode(codec.encode(event))).isInstanceOf(TaskStatusReported.class).isEqualTo(event);
    }

    @Test
    void should_refuse_bytes_when_they_are_not_single_object_encoded() {
        assertThatThrownBy(() -> codec.decode("{\"json\":true}".getBytes()))
            .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void should_refuse_an_event_when_its_schema_is_unknown() {
        Schema foreign = SchemaBuilder.record("Foreign").fields().requiredString("x").endRecord();
        GenericRecord record = new GenericData.Record(foreign);
        record.put("x", "y");
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), foreign), record);

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UndecodableEventException.class)
            .hasMessageContaining("unknown schema fingerprint");
    }

    private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
        try {
            var buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
