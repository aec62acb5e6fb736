package com.aimedia.gateway.local;

import java.util.List;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 database with its non-unique indexes kept in memory
 * ({@link OrderedIndex}) instead of ignored, and its unique ones (H2's) also answering
 * conjunctions that hold their key ({@link UniqueLookupIndex}). The index definitions are
 * stored as before, so the index is rebuilt from the documents when the file is opened
 * again.
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new UniqueLookupIndex(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), indexName,
                keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedIndex(indexName, keys);
    }

}
