package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The embedded MongoDB on disk answers range queries on a non-unique index from the index
 * (no scan), with the same documents a scan finds, after updates, deletes and a restart.
 */
class OrderedIndexTest {

    @TempDir
    Path directory;

    private EmbeddedMongo mongo;

    private MongoClient client;

    private MongoCollection<Document> tasks;

    @BeforeEach
    void start() throws Exception {
        open();
        tasks.createIndex(Indexes.ascending("next_poll_at"));
        tasks.createIndex(Indexes.ascending("state", "next_attempt_at"));
        for (int i = 0; i < 40; i++) {
            tasks.insertOne(new Document("_id", "t" + i).append("status", i % 4 == 0 ? "completed" : "in_progress")
                .append("next_poll_at", new Date(1_000L * i))
                .append("state", i % 2 == 0 ? "pending" : "sending")
                .append("next_attempt_at", new Date(500L * i)));
        }
        tasks.insertOne(new Document("_id", "no-poll").append("status", "in_progress"));
        tasks.insertOne(new Document("_id", "null-poll").append("status", "in_progress").append("next_poll_at", null));
        scans().clear();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void should_find_due_documents_in_order_without_a_scan_when_a_range_names_an_indexed_field() {
        List<String> due = ids(Filters.and(Filters.lte("next_poll_at", new Date(9_000)),
                Filters.in("status", List.of("queued", "in_progress"))));

        assertThat(due).containsExactly("t1", "t2", "t3", "t5", "t6", "t7", "t9");
        assertThat(ids(Filters.and(Filters.eq("state", "pending"), Filters.lt("next_attempt_at", new Date(2_000)))))
            .containsExactly("t0", "t2");
        assertThat(tasks.countDocuments(Filters.exists("next_poll_at"))).isEqualTo(41);
        assertThat(ids(Filters.gt("next_poll_at", new Date(37_000)))).containsExactly("t38", "t39");
        assertThat(scans().scans()).isEmpty();
    }

    @Test
    void should_return_the_first_documents_in_sort_order_when_a_sorted_query_has_a_limit() {
        Bson due = Filters.and(Filters.lte("next_poll_at", new Date(9_000)),
                Filters.in("status", List.of("queued", "in_progress")));

        assertThat(ids(tasks.find(due).sort(Sorts.ascending("next_poll_at")).limit(3))).containsExactly("t1", "t2",
                "t3");
        assertThat(ids(tasks.find(due).sort(Sorts.descending("next_poll_at")).limit(2))).containsExactly("t9", "t7");
        assertThat(ids(tasks.find(Filters.eq("state", "pending")).sort(Sorts.ascending("next_poll_at")).limit(2)))
            .containsExactly("t0", "t2");
        assertThat(ids(tasks.find(Filters.lte("next_poll_at", new Date(2_000))))).containsExactlyInAnyOrder("t0", "t1",
                "t2");
        assertThat(scans().scans()).isEmpty();
    }

    @Test
    void should_follow_updates_and_deletes_when_documents_change() {
        tasks.updateOne(Filters.eq("_id", "t1"), Updates.set("next_poll_at", new Date(60_000)));
        tasks.updateOne(Filters.eq("_id", "t30"), Updates.set("next_poll_at", new Date(500)));
        tasks.updateOne(Filters.eq("_id", "t2"), Updates.unset("next_poll_at"));
        tasks.deleteOne(Filters.eq("_id", "t3"));
        tasks.updateOne(Filters.eq("_id", "no-poll"), Updates.set("next_poll_at", new Date(100)));

        assertThat(ids(Filters.lte("next_poll_at", new Date(5_000)))).containsExactly("t0", "no-poll", "t30", "t4",
                "t5");
        assertThat(scans().scans()).isEmpty();
    }

    @Test
    void should_rebuild_the_index_from_the_documents_when_the_server_opens_the_file_again() throws Exception {
        client.close();
        mongo.close();

        open();

        assertThat(ids(Filters.lte("next_poll_at", new Date(2_000)))).containsExactly("t0", "t1", "t2");
        assertThat(scans().scans()).isEmpty();
    }

    @Test
    void should_leave_the_query_to_a_scan_and_still_find_everything_when_a_document_holds_an_array() {
        tasks.updateOne(Filters.eq("_id", "t10"),
                Updates.set("next_poll_at", List.of(new Date(1_500), new Date(90_000))));

        assertThat(ids(Filters.lte("next_poll_at", new Date(2_000)))).containsExactlyInAnyOrder("t0", "t1", "t10",
                "t2");
        assertThat(scans().scans()).hasSize(1);
    }

    @Test
    void should_answer_a_conditional_write_by_id_from_the_id_index_when_it_names_other_fields_too() {
        tasks.updateOne(Filters.and(Filters.eq("_id", "t5"), Filters.in("status", List.of("in_progress"))),
                Updates.set("status", "completed"));
        tasks.updateOne(new Document("_id", "t6").append("status", "queued"), Updates.set("status", "failed"));
        tasks.updateMany(Filters.and(Filters.in("_id", List.of("t7", "t9", "t12")), Filters.eq("state", "sending")),
                Updates.set("state", "pending"));

        assertThat(tasks.find(Filters.eq("_id", "t5")).first().getString("status")).isEqualTo("completed");
        assertThat(tasks.find(Filters.eq("_id", "t6")).first().getString("status")).isEqualTo("in_progress");
        assertThat(ids(Filters.and(Filters.in("_id", List.of("t7", "t9", "t12")), Filters.eq("state", "pending"))))
            .containsExactly("t7", "t9", "t12");
        assertThat(scans().scans()).isEmpty();
    }

    private List<String> ids(Bson filter) {
        List<String> ids = new ArrayList<>();
        tasks.find(filter)
            .sort(Sorts.orderBy(Sorts.ascending("next_poll_at"), Sorts.ascending("_id")))
            .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static List<String> ids(com.mongodb.client.FindIterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private void open() throws Exception {
        mongo = EmbeddedMongo.start(directory);
        client = MongoClients.create(mongo.uri());
        tasks = client.getDatabase("indexed").getCollection("tasks");
    }

    private QueryScans scans() {
        return mongo.scans().orElseThrow();
    }

}
