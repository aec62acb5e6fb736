package com.aimedia.gateway.callback;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An in-memory MongoDB (mongo-java-server) on a random local port, for tests. */
public final class MongoFixture implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public MongoFixture() {
        this(new MemoryBackend());
    }

    /** On this backend, e.g. a {@link ScanRecordingBackend}. */
    public MongoFixture(MemoryBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create(uri(address));
    }

    public static MongoFixture start() {
        return new MongoFixture();
    }

    public String uri() {
        return uri(server.getLocalAddress());
    }

    public MongoDatabase database() {
        return client.getDatabase("gateway");
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
