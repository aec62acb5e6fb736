package com.aimedia.gateway.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire-compatible server (mongo-java-server). With a directory it keeps its
 * data on disk (H2, committed before every acknowledgement: {@link DurableH2Backend}), so
 * neither a restart nor a {@code kill -9} of the embedded default loses an acknowledged
 * write; without one it lives in memory (tests).
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;

    private final String uri;

    private final @Nullable QueryScans scans;

    private EmbeddedMongo(MongoServer server, String uri, @Nullable QueryScans scans) {
        this.server = server;
        this.uri = uri;
        this.scans = scans;
    }

    static EmbeddedMongo start(@Nullable Path directory) throws IOException {
        return start(directory, FreePorts.find());
    }

    /** On a given port, so that a restarted server is found where its clients knew it. */
    static EmbeddedMongo start(@Nullable Path directory, int port) throws IOException {
        MongoServer server;
        QueryScans scans = null;
        if (directory == null) {
            server = new MongoServer(new MemoryBackend());
        }
        else {
            Files.createDirectories(directory);
            DurableH2Backend backend = DurableH2Backend.open(directory.resolve("mongo.mv"));
            scans = backend.scans();
            server = new MongoServer(backend);
        }
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + port, scans);
    }

    String uri() {
        return uri;
    }

    /**
     * The queries that scanned a whole collection, when the data is on disk (else none).
     */
    Optional<QueryScans> scans() {
        return Optional.ofNullable(scans);
    }

    @Override
    public void close() {
        server.shutdown();
    }

}
