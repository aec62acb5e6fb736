package com.aimedia.gateway.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of every event type: two marker bytes, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. Decoding picks the
 * event type by fingerprint, so a reader can decode any committed version of any event
 * and gets the current generated class.
 */
public final class EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;

    private static final byte MARKER_1 = (byte) 0x01;

    private static final int HEADER_LENGTH = 10;

    private final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> decodersByFingerprint = new HashMap<>();

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();

    public EventCodec() {
        EventTypes.trustGeneratedClasses();
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema current = SpecificData.get().getSchema(type);
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.get(), current);
            register(decoder, current);
            for (Schema previous : EventTypes.history(type)) {
                decoder.addSchema(previous);
                register(decoder, previous);
            }
            encoders.put(type, new BinaryMessageEncoder<>(SpecificData.get(), current));
        }
    }

    private void register(BinaryMessageDecoder<? extends SpecificRecord> decoder, Schema schema) {
        decodersByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), decoder);
    }

    public byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException("not a gateway event type: " + event.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        catch (IOException e) {
            throw new AvroRuntimeException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes one event.
     * @throws UndecodableEventException when the bytes are not a single-object-encoded
     * event of a known schema
     */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableEventException("not Avro single-object encoding");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<? extends SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new UndecodableEventException("unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        try {
            return decoder.decode(bytes);
        }
        catch (IOException | AvroRuntimeException e) {
            throw new UndecodableEventException("corrupt event body: " + e.getClass().getSimpleName());
        }
    }

}
