package com.aimedia.gateway.local;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A unique single-field index of the embedded MongoDB (H2's, which it wraps) that also
 * answers a conjunction holding an equality or {@code $in} on its field, such as
 * {@code {$and: [{_id: x}, {state: {$in: [...]}}]}}: mongo-java-server uses a unique
 * index only for a query naming exactly its fields, so such a conditional write read
 * every document of the collection. The one document with that key is then matched
 * against the whole query.
 */
final class UniqueLookupIndex extends Index<Object> {

    private final Index<Object> unique;

    private final @Nullable String field;

    UniqueLookupIndex(Index<Object> unique, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.unique = unique;
        this.field = keys.size() == 1 ? keys.getFirst().getKey() : null;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || lookup(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        Document lookup = lookup(query);
        return lookup == null ? List.of() : unique.getPositions(lookup);
    }

    /**
     * The query's equality or {@code $in} on the field, at the top of a query naming
     * other fields too or in a (nested) top-level {@code $and}, as a query the unique
     * index answers; null when there is none.
     */
    private @Nullable Document lookup(Document query) {
        if (field == null) {
            return null;
        }
        if (query.containsKey(field)) {
            Object condition = query.get(field);
            if (scalar(condition)) {
                return new Document(field, condition);
            }
            if (condition instanceof Document operators && operators.size() == 1
                    && operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                    && values.stream().allMatch(UniqueLookupIndex::scalar)) {
                return new Document(field, operators);
            }
            return null;
        }
        if (query.get("$and") instanceof List<?> conjunction) {
            for (Object part : conjunction) {
                if (part instanceof Document document) {
                    Document lookup = lookup(document);
                    if (lookup != null) {
                        return lookup;
                    }
                }
            }
        }
        return null;
    }

    private static boolean scalar(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof Date || value instanceof Instant
                || value instanceof Boolean || value instanceof ObjectId;
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public @Nullable Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public @Nullable Object remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

}
