package com.aimedia.gateway.local;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index for the embedded MongoDB, kept in memory and rebuilt from the
 * documents when the server opens: mongo-java-server keeps no non-unique index at all, so
 * without it every range query ({@code next_poll_at <= now}, {@code outbox_since <= t},
 * {@code state = pending and next_attempt_at <= now}) read every document of its
 * collection, deserialising each from the H2 file.
 *
 * <p>
 * It answers a query that constrains the index's first field with an equality, an
 * {@code $in} or a range ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}) by the
 * positions of the documents whose first field is in that range; the collection then
 * matches the whole query on those documents only (so the positions may be a superset,
 * never a subset), and sorts them. {@code $exists: true} is answered by every indexed
 * document: documents without the field are not indexed (a query for a missing or null
 * value is left to a scan). Once a document with an array in the field is seen, the index
 * answers nothing (MongoDB would index each element). Being derived from the stored
 * documents, it needs no durability of its own.
 */
final class OrderedIndex extends Index<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    /**
     * One document's key and position; {@code bound} -1 or +1 makes an entry that sorts
     * before or after every position with the same key (for ranges).
     */
    private record Entry(@Nullable Object key, @Nullable Object position, int bound) {
    }

    private static final Comparator<Entry> ENTRIES = (a, b) -> {
        int byKey = VALUES.compare(a.key(), b.key());
        if (byKey != 0) {
            return byKey;
        }
        if (a.bound() != 0 || b.bound() != 0) {
            return Integer.compare(a.bound(), b.bound());
        }
        return VALUES.compare(a.position(), b.position());
    };

    private final NavigableSet<Entry> entries = new TreeSet<>(ENTRIES);

    private final String field;

    private boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys) {
        // sparse in mongo-java-server's sense: it has no position for some documents,
        // so the collection asks the other indexes for it
        super(name, keys, true);
        this.field = keys.getFirst().getKey();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (multikey || query.containsKey("_id")) {
            return false;
        }
        Object condition = condition(query);
        if (condition instanceof Missing) {
            return false;
        }
        if (condition instanceof Document operators) {
            return !operators.isEmpty()
                    && operators.entrySet().stream().allMatch(operator -> switch (operator.getKey()) {
                        case "$lt", "$lte", "$gt", "$gte" -> indexable(operator.getValue());
                        case "$in" -> operator.getValue() instanceof Collection<?> values && !values.isEmpty()
                                && values.stream().allMatch(OrderedIndex::indexable);
                        case "$eq" -> indexable(operator.getValue());
                        case "$exists" -> Boolean.TRUE.equals(operator.getValue());
                        default -> false;
                    });
        }
        return indexable(condition);
    }

    /**
     * Positions in ascending order of the index's field (ties by position), so a query
     * sorted by that field alone needs no sort ({@link EmbeddedH2Collection}).
     */
    record KeyOrderedPositions(String field, List<Object> positions) implements Iterable<Object> {

        @Override
        public java.util.Iterator<Object> iterator() {
            return positions.iterator();
        }

    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Object condition = condition(query);
        if (!(condition instanceof Document operators)) {
            return positions(range(condition, true, condition, true));
        }
        if (operators.get("$in") instanceof Collection<?> values) {
            // one range per value, in the order the query lists them: not in key order
            List<Object> positions = new ArrayList<>();
            values.forEach(value -> positions.addAll(positions(range(value, true, value, true)).positions()));
            return positions;
        }
        if (operators.size() == 1 && operators.containsKey("$exists")) {
            return positions(entries);
        }
        if (operators.containsKey("$eq")) {
            Object value = operators.get("$eq");
            return positions(range(value, true, value, true));
        }
        Object lower = operators.containsKey("$gt") ? operators.get("$gt") : operators.get("$gte");
        Object upper = operators.containsKey("$lt") ? operators.get("$lt") : operators.get("$lte");
        return positions(range(lower, !operators.containsKey("$gt"), upper, !operators.containsKey("$lt")));
    }

    /**
     * The query's condition on the indexed field, at the top or in a top-level
     * {@code $and} (as the driver writes {@code Filters.and}); {@link Missing} when it
     * has none. Any one condition of a conjunction selects a superset of its documents.
     */
    private @Nullable Object condition(Document query) {
        if (query.containsKey(field)) {
            return query.get(field);
        }
        if (query.get("$and") instanceof List<?> conjunction) {
            for (Object part : conjunction) {
                if (part instanceof Document document && document.containsKey(field)) {
                    return document.get(field);
                }
            }
        }
        return Missing.getInstance();
    }

    /** The entries between two keys (null: unbounded on that side). */
    private NavigableSet<Entry> range(@Nullable Object lower, boolean lowerInclusive, @Nullable Object upper,
            boolean upperInclusive) {
        NavigableSet<Entry> from = lower == null ? entries
                : entries.tailSet(new Entry(lower, null, lowerInclusive ? -1 : 1), true);
        return upper == null ? from : from.headSet(new Entry(upper, null, upperInclusive ? 1 : -1), true);
    }

    private KeyOrderedPositions positions(NavigableSet<Entry> range) {
        List<Object> positions = new ArrayList<>(range.size());
        range.forEach(entry -> positions.add(entry.position()));
        return new KeyOrderedPositions(field, positions);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Object key = key(document);
        if (key instanceof Collection<?>) {
            multikey = true;
            entries.clear();
        }
        else if (!(key instanceof Missing) && !multikey) {
            entries.add(new Entry(key, position, 0));
        }
    }

    @Override
    public synchronized @Nullable Object remove(Document document) {
        Object key = key(document);
        // a position of the H2 collection is the document's _id
        Object position = Utils.getSubdocumentValue(document, "_id");
        if (indexed(key)) {
            entries.remove(new Entry(key, Missing.ofNullable(position), 0));
        }
        // no position: the _id index gives it
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        Object oldKey = key(oldDocument);
        Object newKey = key(newDocument);
        if (indexed(oldKey) && indexed(newKey) && VALUES.compare(oldKey, newKey) == 0) {
            return;
        }
        if (indexed(oldKey)) {
            entries.remove(new Entry(oldKey, position, 0));
        }
        add(newDocument, position, collection);
    }

    /**
     * The document's value of the first field: {@link Missing} when it has none, null
     * when it holds null.
     */
    private @Nullable Object key(Document document) {
        return Utils.getSubdocumentValueCollectionAware(document, field);
    }

    private static boolean indexed(@Nullable Object key) {
        return !(key instanceof Missing) && !(key instanceof Collection<?>);
    }

    /**
     * Values a range of keys answers exactly as the matcher would: no null, array,
     * document, regular expression or MinKey/MaxKey (which the matcher compares across
     * types).
     */
    private static boolean indexable(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof Date || value instanceof Instant
                || value instanceof Boolean || value instanceof ObjectId;
    }

    @Override
    public @Nullable Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
    }

}
