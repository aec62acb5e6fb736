package com.aimedia.gateway.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded MongoDB writes its documents into the H2 file: as BSON. H2's default
 * type wrote each document with Java serialisation, a new {@code ObjectOutputStream} with
 * every class description per document, each time the document's page was written: the
 * largest part of every commit, and commits come with every acknowledged write.
 *
 * <p>
 * A document BSON would not give back exactly as it was (a {@code java.util.Date}, an
 * {@code Instant} finer than a millisecond, a {@code Set}, a map that is not a
 * {@code Document}) is still written the old way, and documents written before this type
 * existed are read the old way: one page may hold both, told apart by their first byte
 * ({@link #BSON} is none of the tags H2's type starts a value with, which are all below
 * 120).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final byte BSON = (byte) 0xB5;

    private static final Set<Class<?>> EXACT_SCALARS = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class, ObjectId.class, Decimal128.class, BinData.class);

    private final ObjectDataType javaSerialised = new ObjectDataType();

    /**
     * What H2 counts a document in memory (its cache and when it splits a page), as its
     * own type estimates serialised objects: the running average of the written sizes.
     */
    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        if (!exact(document)) {
            javaSerialised.write(buffer, document);
            return;
        }
        ByteBuf bson = Unpooled.buffer(averageSize);
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        averageSize = (averageSize * 15 + length) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) javaSerialised.read(buffer);
        }
        int start = buffer.position() + 1;
        // BSON's own length prefix, little-endian, counts itself
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Whether BSON gives the value back equal and of the same type. */
    static boolean exact(@Nullable Object value) {
        if (value == null || EXACT_SCALARS.contains(value.getClass())) {
            return true;
        }
        if (value instanceof Instant instant) {
            // BSON dates are milliseconds since the epoch
            return instant.getNano() % 1_000_000 == 0 && instant.isAfter(Instant.ofEpochMilli(Long.MIN_VALUE))
                    && instant.isBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
        }
        if (value instanceof Document document) {
            return document.getClass() == Document.class && exactFields(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(BsonDocumentType::exact);
        }
        return false;
    }

    private static boolean exactFields(Map<String, Object> document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            // a field name is a C string in BSON
            if (field.getKey().indexOf('\0') >= 0 || !exact(field.getValue())) {
                return false;
            }
        }
        return true;
    }

}
