package com.aimedia.gateway.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire-compatible server (mongo-java-server). With a directory it keeps its data on disk (H2), so a
 * restart of the embedded default loses nothing; without one it lives in memory (tests).
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static EmbeddedMongo start(@Nullable Path directory) throws IOException {
        MongoServer server;
        if (directory == null) {
            server = new MongoServer(new MemoryBackend());
        }
        else {
            Files.createDirectories(directory);
            server = new MongoServer(new H2Backend(directory.resolve("mongo.mv").toString()));
        }
        int port = FreePorts.find();
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + port);
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
