package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The embedded MongoDB keeps every write it acknowledged through {@code kill -9}: clients
 * insert documents one by one, concurrently, while the server process is killed, and
 * after a restart on the same file every acknowledged document is there. (Before
 * {@link DurableH2Backend}, about the last second of acknowledged inserts was missing.)
 */
class DurableMongoKillTest {

    private static final int WRITERS = 4;

    private static final long RANGE = 1_000_000;

    @TempDir
    Path data;

    @Test
    void should_keep_every_acknowledged_insert_when_the_server_is_killed_mid_stream() throws Exception {
        // given: writers inserting concurrently (their commits are grouped), each its own
        // id range in order
        int port = FreePorts.find();
        List<String> arguments = List.of("mongo", data.resolve("mongo").toString(), String.valueOf(port));
        AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS);
        try (ComponentProcess mongo = new ComponentProcess("mongo", ComponentMain.class.getName(), arguments, "READY",
                data.resolve("logs"), Map.of())) {
            mongo.start();
            try (MongoClient client = client(port)) {
                MongoCollection<Document> documents = client.getDatabase("durability").getCollection("documents");
                Instant started = Instant.now();
                List<Thread> writers = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int id = writer;
                    writers.add(Thread.ofVirtual().start(() -> insertUntilGone(documents, id, acknowledged)));
                }

                // when
                FaultWorkload.sleep(Duration.ofSeconds(3));
                mongo.kill();
                for (Thread writer : writers) {
                    writer.join();
                }
                int total = 0;
                for (int writer = 0; writer < WRITERS; writer++) {
                    total += acknowledged.get(writer);
                }
                FaultSuiteTest.recordLine("durable embedded MongoDB: %d single-document inserts from %d writers "
                    .formatted(total, WRITERS)
                        + "acknowledged in %.1f s before kill -9, all found after the restart"
                            .formatted(Duration.between(started, Instant.now()).toMillis() / 1000.0));
                assertThat(total).isGreaterThan(100);
            }

            // then: every writer's acknowledged ids, in order from its base, are all
            // there
            mongo.start();
            try (MongoClient client = client(port)) {
                MongoCollection<Document> documents = client.getDatabase("durability").getCollection("documents");
                for (int writer = 0; writer < WRITERS; writer++) {
                    long base = (long) writer * RANGE;
                    assertThat(documents.countDocuments(
                            Filters.and(Filters.gte("_id", base), Filters.lt("_id", base + acknowledged.get(writer)))))
                        .as("acknowledged inserts of writer %d that survived kill -9", writer)
                        .isEqualTo(acknowledged.get(writer));
                }
            }
        }
    }

    private static void insertUntilGone(MongoCollection<Document> documents, int writer,
            AtomicIntegerArray acknowledged) {
        long base = (long) writer * RANGE;
        for (int i = 0;; i++) {
            try {
                documents.insertOne(new Document("_id", base + i).append("payload", "x".repeat(200)));
                acknowledged.incrementAndGet(writer);
            }
            catch (MongoException e) {
                return;
            }
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
            .applyToSocketSettings(socket -> socket.readTimeout(2, TimeUnit.SECONDS))
            .build());
    }

}
