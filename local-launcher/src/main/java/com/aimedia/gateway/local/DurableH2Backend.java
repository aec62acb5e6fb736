package com.aimedia.gateway.local;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, made durable: every command that changed data is committed to the file before its
 * answer goes back, so a write the client saw acknowledged survives {@code kill -9} of the process.
 *
 * <p>Opened as H2Backend opens it, the MVStore commits in the background about once a second, so a kill dropped the
 * last second of acknowledged writes while Kafka kept the offsets behind them. Here auto-commit is off and each
 * command commits itself. Concurrent commands share a commit: MVStore serialises commits, and a command whose changes
 * a neighbour's commit already wrote finds nothing left to write. The commit reaches the operating system's page
 * cache, which outlives the process (not a power loss: that is what a real MongoDB replica set is for).
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(Path file) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        }
        finally {
            // also after a failed command: an ordered bulk write may have applied a part before its error
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        }
    }
}
