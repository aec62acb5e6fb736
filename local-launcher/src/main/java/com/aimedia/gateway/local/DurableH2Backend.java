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
 *
 * <p>
 * Every commit writes a chunk, and H2 keeps a chunk that no longer holds live data for
 * its retention time before it reuses the space (45 s by default, sized for a store that
 * commits once a second and for disks that flush late). Committing with every write, the
 * file grew by the chunks of 45 s of writes (3.5 GB under a steady stream of small
 * updates to 1,000 documents) and each commit slowed with the metadata of that many
 * chunks. Here the retention is {@link #RETENTION_MILLIS}: the only other reader of an
 * old chunk is a command still reading the version it started on, and every command keeps
 * its version (and its chunks) alive until it answers.
 */
final class DurableH2Backend extends H2Backend {

    /**
     * How long an unused chunk is kept before its space is reused; see the class comment
     * (a process kill leaves the operating system's cache, and so every chunk written
     * before it, intact).
     */
    static final int RETENTION_MILLIS = 2_000;

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
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(RETENTION_MILLIS);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        scans.inspect(command, query, name -> resolveDatabase(databaseName).resolveCollection(name, false));
        // the chunks of the version this command reads stay until it answers, however
        // short the retention
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        }
        finally {
            store.deregisterVersionUsage(reading);
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
