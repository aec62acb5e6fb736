package com.aimedia.gateway.local;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.local.OrderedIndex.KeyOrderedPositions;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 collection with two changes.
 * <p>
 * An update works on copies of the stored documents. The server updates a document by
 * changing the object its query read from the collection in place and then storing it
 * again; that object is the one the store's pages hold, and a commit running at that
 * moment wrote it half changed (or failed on the change, which closes the store), so a
 * commit could make a half-applied update of a command not yet acknowledged durable, and
 * a reader encoding it for the wire could fail. With copies, a stored document never
 * changes: an update stores a new object. Only an update's query copies (plain reads only
 * encode what they read).
 * <p>
 * A limit stops the read early when the documents come from an {@link OrderedIndex} in
 * the order the query sorts by. The server loads every document an index returns, matches
 * them and sorts them all before it applies the limit (a sort needs them all); with
 * 100,000 tasks due, the poll scheduler's {@code find({next_poll_at <=
 * now}).sort({next_poll_at: 1}).limit(100)} loaded 100,000 documents on every tick.
 * Positions already in ascending order of the sort field need no sort, and without one
 * the server's stream loads documents only until the limit is reached.
 */
final class EmbeddedH2Collection extends H2Collection {

    private static final Document NO_SORT = new Document();

    /** Whether this thread is running an update of this collection's documents. */
    private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

    EmbeddedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, @Nullable Document orderBy,
            int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        @Nullable Document order = positions instanceof KeyOrderedPositions ordered && sortsAscendingBy(orderBy, ordered.field())
                ? NO_SORT : orderBy;
        return super.matchDocuments(query, positions, order, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
            boolean upsert, Oplog oplog) {
        UPDATING.set(true);
        try {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        finally {
            UPDATING.remove();
        }
    }

    @Override
    public Document findAndModify(Document query) {
        UPDATING.set(true);
        try {
            return super.findAndModify(query);
        }
        finally {
            UPDATING.remove();
        }
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        if (!UPDATING.get()) {
            return super.createQueryResult(matchedDocuments, batchSize);
        }
        List<Document> copies = new ArrayList<>(matchedDocuments.size());
        for (Document document : matchedDocuments) {
            copies.add(document.cloneDeeply());
        }
        return super.createQueryResult(copies, batchSize);
    }

    /** {@code {field: 1}} and nothing else (null: the query has no sort). */
    static boolean sortsAscendingBy(@Nullable Document orderBy, String field) {
        return orderBy != null && orderBy.size() == 1 && orderBy.get(field) instanceof Number direction
                && direction.intValue() == 1;
    }

}
