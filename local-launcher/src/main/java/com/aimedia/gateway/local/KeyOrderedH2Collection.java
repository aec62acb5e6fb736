package com.aimedia.gateway.local;

import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.local.OrderedIndex.KeyOrderedPositions;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 collection that lets a limit stop the read early when the
 * documents come from an {@link OrderedIndex} in the order the query sorts by. The server
 * loads every document an index returns, matches them and sorts them all before it
 * applies the limit (a sort needs them all); with 100,000 tasks due, the poll scheduler's
 * {@code find({next_poll_at <= now}).sort({next_poll_at: 1}).limit(100)} loaded 100,000
 * documents on every tick. Positions already in ascending order of the sort field need no
 * sort, and without one the server's stream loads documents only until the limit is
 * reached.
 */
final class KeyOrderedH2Collection extends H2Collection {

    private static final Document NO_SORT = new Document();

    KeyOrderedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
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

    /** {@code {field: 1}} and nothing else (null: the query has no sort). */
    static boolean sortsAscendingBy(@Nullable Document orderBy, String field) {
        return orderBy != null && orderBy.size() == 1 && orderBy.get(field) instanceof Number direction
                && direction.intValue() == 1;
    }

}
