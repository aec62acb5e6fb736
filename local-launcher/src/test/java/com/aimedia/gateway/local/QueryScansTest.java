package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The embedded MongoDB on disk counts, by query shape, the queries it answers by reading
 * the whole collection, as the benchmark's scale measurement reports them.
 */
class QueryScansTest {

    @TempDir
    Path directory;

    private EmbeddedMongo mongo;

    private MongoClient client;

    private MongoCollection<Document> tasks;

    @BeforeEach
    void start() throws Exception {
        mongo = EmbeddedMongo.start(directory);
        client = MongoClients.create(mongo.uri());
        tasks = client.getDatabase("scans").getCollection("tasks");
        tasks.createIndex(Indexes.ascending("poll_token"), new IndexOptions().unique(true).sparse(true));
        for (int i = 0; i < 10; i++) {
            tasks.insertOne(new Document("_id", "t" + i).append("poll_token", "t" + i + "#1")
                .append("next_poll_at", new Date(1_000L * i)));
        }
        scans().clear();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void should_count_nothing_when_every_query_is_answered_by_a_unique_index() {
        tasks.find(Filters.eq("_id", "t1")).first();
        tasks.find(Filters.in("poll_token", List.of("t2#1", "t3#1"))).into(new java.util.ArrayList<>());
        tasks.updateOne(Filters.eq("poll_token", "t4#1"), new Document("$set", new Document("x", 1)));

        assertThat(scans().scans()).isEmpty();
    }

    @Test
    void should_count_each_scanning_query_by_its_shape_when_no_index_answers_it() {
        for (int i = 0; i < 3; i++) {
            tasks.find(Filters.lte("next_poll_at", new Date(5_000L * i)))
                .sort(Sorts.ascending("next_poll_at"))
                .limit(2)
                .into(new java.util.ArrayList<>());
        }
        tasks.countDocuments(new Document("x", 1));

        assertThat(scans().scans()).containsExactly(
                new QueryScans.Scan("tasks", "find", "{next_poll_at: {$lte: ?}}", 3),
                new QueryScans.Scan("tasks", "aggregate", "{x: ?}", 1));
    }

    private QueryScans scans() {
        return mongo.scans().orElseThrow();
    }

}
