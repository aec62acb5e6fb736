package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The embedded MongoDB keeps every write it acknowledged through {@code kill -9}: a client inserts documents one by
 * one while the server process is killed, and after a restart on the same file every acknowledged document is there.
 * (Before {@link DurableH2Backend}, about the last second of acknowledged inserts was missing.)
 */
class DurableMongoKillTest {

    @TempDir
    Path data;

    @Test
    void should_keep_every_acknowledged_insert_when_the_server_is_killed_mid_stream() throws Exception {
        // given
        int port = FreePorts.find();
        List<String> arguments = List.of("mongo", data.resolve("mongo").toString(), String.valueOf(port));
        List<Integer> acknowledged = new ArrayList<>();
        try (ComponentProcess mongo = new ComponentProcess("mongo", ComponentMain.class.getName(), arguments, "READY",
                data.resolve("logs"), Map.of())) {
            mongo.start();
            try (MongoClient client = client(port)) {
                MongoCollection<Document> documents = client.getDatabase("durability").getCollection("documents");
                Thread killer = Thread.ofVirtual().start(() -> {
                    FaultWorkload.sleep(Duration.ofSeconds(3));
                    mongo.kill();
                });

                // when: insert until the server is gone
                Instant started = Instant.now();
                for (int i = 0;; i++) {
                    try {
                        documents.insertOne(new Document("_id", i).append("payload", "x".repeat(200)));
                        acknowledged.add(i);
                    }
                    catch (MongoException e) {
                        break;
                    }
                }
                killer.join();
                double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                FaultSuiteTest.recordLine("durable embedded MongoDB: %d single-document inserts acknowledged in %.1f s "
                    .formatted(acknowledged.size(), seconds) + "before kill -9");
            }

            // then
            mongo.start();
            try (MongoClient client = client(port)) {
                MongoCollection<Document> documents = client.getDatabase("durability").getCollection("documents");
                assertThat(acknowledged).hasSizeGreaterThan(100);
                // the ids were acknowledged in order 0, 1, 2, ...: all below the count must be there
                assertThat(documents.countDocuments(new Document("_id", new Document("$lt", acknowledged.size()))))
                    .as("acknowledged inserts that survived kill -9").isEqualTo(acknowledged.size());
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
