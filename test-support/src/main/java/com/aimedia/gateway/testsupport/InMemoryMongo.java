package com.aimedia.gateway.testsupport;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory MongoDB (mongo-java-server) on a random loopback port, the way every test
 * of the gateway sets one up. It speaks the wire protocol, so the code under test uses
 * the real mongodb-driver-sync against it; it has no transactions and never expires TTL
 * indexes (see docs and feasibility notes).
 *
 * <p>
 * Either one per test class in a static field
 * ({@code static final InMemoryMongo MONGO = InMemoryMongo.start();}, its {@link #uri()}
 * passed to a Spring context), or one per test closed in {@code @AfterEach}.
 */
public final class InMemoryMongo implements AutoCloseable {

    /** The database name the services use by default. */
    public static final String DATABASE = "gateway";

    private final MongoServer server;

    private final String uri;

    private @Nullable MongoClient client;

    private InMemoryMongo(MemoryBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static InMemoryMongo start() {
        return new InMemoryMongo(new MemoryBackend());
    }

    /**
     * On this backend, e.g. a {@link ScanRecordingBackend} that records the queries no
     * index answers.
     */
    public static InMemoryMongo start(MemoryBackend backend) {
        return new InMemoryMongo(backend);
    }

    /**
     * {@code mongodb://127.0.0.1:<port>}, for {@code gateway.mongo.uri} or a client of
     * the test's own.
     */
    public String uri() {
        return uri;
    }

    /** One client per server, created on first use and closed with it. */
    public synchronized MongoClient client() {
        MongoClient current = client;
        if (current == null) {
            current = MongoClients.create(uri);
            client = current;
        }
        return current;
    }

    public MongoDatabase database() {
        return database(DATABASE);
    }

    public MongoDatabase database(String name) {
        return client().getDatabase(name);
    }

    @Override
    public synchronized void close() {
        MongoClient current = client;
        if (current != null) {
            current.close();
            client = null;
        }
        server.shutdownNow();
    }

}
