package com.aimedia.gateway.local;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made durable: every command that changed data is
 * committed to the file before its answer goes back, so a write the client saw
 * acknowledged survives {@code kill -9} of the process.
 *
 * <p>
 * Opened as H2Backend opens it, the MVStore commits in the background about once a
 * second, so a kill dropped the last second of acknowledged writes while Kafka kept the
 * offsets behind them. Here auto-commit is off and each command that changed data waits
 * for a commit of the store version its changes are in. Concurrent commands share a
 * commit (group commit): a command that finds its version already stored by a neighbour's
 * commit does not write again. The commit reaches the operating system's page cache,
 * which outlives the process (not a power loss: that is what a real MongoDB replica set
 * is for).
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    /**
     * Held while committing; a lock that parks its waiters (a monitor's waiters spin
     * first, and with every MongoDB worker thread waiting for the commit after each write
     * that spinning took a tenth of the server's CPU time).
     */
    private final ReentrantLock commitLock = new ReentrantLock();

    private final QueryScans scans = new QueryScans();

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(Path file) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        scans.inspect(command, query, name -> resolveDatabase(databaseName).resolveCollection(name, false));
        try {
            return super.handleCommand(channel, databaseName, command, query);
        }
        finally {
            // also after a failed command: an ordered bulk write may have applied a part
            // before its error
            commitVersion(store.getCurrentVersion());
        }
    }

    /**
     * Databases whose non-unique indexes are kept ({@link OrderedIndex}). Called from
     * H2Backend's constructor, before this class's fields are set: it reads the store
     * through {@link #getMvStore()}.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /** The queries answered by scanning a whole collection so far. */
    QueryScans scans() {
        return scans;
    }

    /**
     * Commits unless a commit that began after this command's changes has stored them
     * already.
     */
    private void commitVersion(long version) {
        commitLock.lock();
        try {
            if (store.getCurrentVersion() == version && store.hasUnsavedChanges()) {
                store.commit();
            }
        }
        finally {
            commitLock.unlock();
        }
    }

}
