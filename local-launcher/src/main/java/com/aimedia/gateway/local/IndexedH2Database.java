package com.aimedia.gateway.local;

import java.util.List;
import java.util.Objects;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 database with its documents written as BSON
 * ({@link BsonDocumentType}), its non-unique indexes kept in memory
 * ({@link OrderedIndex}) instead of ignored, and its unique ones kept in memory too
 * ({@link InMemoryUniqueIndex}) and also answering conjunctions that hold their key
 * ({@link UniqueLookupIndex}). The index definitions are stored as before, so every index
 * is rebuilt from the documents when the file is opened again.
 */
final class IndexedH2Database extends H2Database {

    /**
     * The store of a database under construction: H2Database's constructor opens the
     * existing collections ({@link #openOrCreateCollection}) before this class's fields
     * are set.
     */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final @Nullable MVStore store;

    private IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursors) {
        CONSTRUCTING.set(store);
        try {
            return new IndexedH2Database(databaseName, store, cursors);
        }
        finally {
            CONSTRUCTING.remove();
        }
    }

    /**
     * The collection H2Database opens ({@code databases.<namespace>} for the documents,
     * {@code meta.<namespace>} for its metadata, the same maps in the same file), as a
     * {@link EmbeddedH2Collection} whose documents are written as BSON.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = store();
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> metaMap = mvStore.openMap("meta." + namespace);
        return new EmbeddedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /**
     * An {@link InMemoryUniqueIndex}; the map H2's unique index kept in the file (by an
     * earlier version) is dropped, its keys are rebuilt from the documents.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore mvStore = store();
        String storedIndex = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (mvStore.hasMap(storedIndex)) {
            mvStore.removeMap(storedIndex);
        }
        return new UniqueLookupIndex(new InMemoryUniqueIndex(indexName, keys, sparse), indexName, keys, sparse);
    }

    private MVStore store() {
        return store != null ? store : Objects.requireNonNull(CONSTRUCTING.get(), "no store");
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedIndex(indexName, keys);
    }

}
