package com.aimedia.gateway.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Counts the queries the embedded MongoDB answers by reading every document of a
 * collection, by query shape (the filter with its values left out): what a real MongoDB's
 * {@code explain} would show as a collection scan. It decides as mongo-java-server itself
 * does: a filter that none of the collection's indexes can handle
 * ({@code Index.canHandle}) is matched against every document. Looked at: the filters of
 * find, update, delete, findAndModify and count, and the first {@code $match} of an
 * aggregation (how the driver counts documents).
 */
public final class QueryScans {

    /** One query shape that scanned, and how often. */
    public record Scan(String collection, String command, String shape, long count) {
    }

    private record Key(String collection, String command, String shape) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void inspect(String command, Document query, CollectionResolver collections) {
        List<Document> filters = filters(command, query);
        if (filters.isEmpty()) {
            return;
        }
        String collectionName = String.valueOf(query.get(command));
        MongoCollection<?> collection = collections.resolve(collectionName);
        if (collection == null) {
            return;
        }
        for (Document filter : filters) {
            if (!filter.isEmpty() && collection.getIndexes().stream().noneMatch(index -> index.canHandle(filter))) {
                counts
                    .computeIfAbsent(new Key(collectionName, command.toLowerCase(Locale.ROOT), shape(filter)),
                            key -> new LongAdder())
                    .increment();
            }
        }
    }

    /**
     * The scans counted since the start (or the last {@link #clear}), most frequent
     * first.
     */
    public List<Scan> scans() {
        List<Scan> scans = new ArrayList<>();
        counts.forEach((key, count) -> scans.add(new Scan(key.collection(), key.command(), key.shape(), count.sum())));
        scans.sort(Comparator.comparingLong(Scan::count).reversed());
        return scans;
    }

    public void clear() {
        counts.clear();
    }

    /** The collection a command names, or null when it does not exist (yet). */
    interface CollectionResolver {

        @Nullable MongoCollection<?> resolve(String collection);

    }

    private static List<Document> filters(String command, Document query) {
        List<Document> filters = new ArrayList<>();
        switch (command.toLowerCase(Locale.ROOT)) {
            case "find", "count" -> add(filters, query.get(command.equalsIgnoreCase("find") ? "filter" : "query"));
            case "findandmodify" -> add(filters, query.get("query"));
            case "update", "delete" -> {
                Object statements = query.get(command.equalsIgnoreCase("update") ? "updates" : "deletes");
                if (statements instanceof List<?> list) {
                    list.forEach(statement -> add(filters, ((Document) statement).get("q")));
                }
            }
            case "aggregate" -> {
                if (query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                        && pipeline.getFirst() instanceof Document first) {
                    add(filters, first.get("$match"));
                }
            }
            default -> {
            }
        }
        return filters;
    }

    private static void add(List<Document> filters, @Nullable Object filter) {
        if (filter instanceof Document document) {
            filters.add(document);
        }
    }

    /**
     * The filter with every value replaced by {@code ?}: its field names and operators.
     */
    static String shape(Object value) {
        if (value instanceof Document document) {
            StringBuilder out = new StringBuilder("{");
            document.forEach((key,
                    inner) -> out.append(out.length() > 1 ? ", " : "").append(key).append(": ").append(shape(inner)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            boolean documents = !list.isEmpty() && list.stream().allMatch(Document.class::isInstance);
            return documents ? list.stream().map(QueryScans::shape).toList().toString() : "[?]";
        }
        return "?";
    }

}
