package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * How the embedded MongoDB keeps its documents and unique indexes on disk: documents as
 * BSON where BSON gives them back exactly (else as before), unique indexes rebuilt from
 * the documents when the file opens, and a file written by mongo-java-server's own H2
 * backend (every earlier version of the gateway) read as it was. A stored document is
 * never changed in place: a commit may be writing it at that moment. The space of the
 * chunks its commits leave behind is reused within seconds.
 */
class EmbeddedMongoStoreTest {

    @TempDir
    Path directory;

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void should_give_every_value_back_equal_and_of_its_type_and_write_bson_when_it_can() {
        // given
        Document document = new Document("_id", "task_1").append("int", 7)
            .append("long", 7L)
            .append("double", 0.5)
            .append("flag", true)
            .append("nothing", null)
            .append("at", Instant.ofEpochMilli(1_700_000_000_123L))
            .append("oid", new de.bwaldvogel.mongo.bson.ObjectId())
            .append("decimal", new de.bwaldvogel.mongo.bson.Decimal128(3, 0))
            .append("bytes", new de.bwaldvogel.mongo.bson.BinData(new byte[] { 1, 2, 3 }))
            .append("nested", new Document("list", new ArrayList<>(List.of("a", 1, new Document("b", 2L)))));

        // when
        ByteBuffer written = write(document);

        // then
        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        Document read = type.read(written);
        assertThat(read).isEqualTo(document);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(written.remaining()).isZero();
    }

    @Test
    void should_write_a_document_bson_would_change_the_old_way_and_read_it_back_unchanged() {
        for (Object value : List.of(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), new Date(5),
                new java.util.LinkedHashSet<>(Set.of("x")), new java.util.HashMap<>(Map.of("k", "v")))) {
            // given
            Document document = new Document("_id", "task_2").append("value", value);

            // when
            ByteBuffer written = write(document);

            // then
            assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
            Document read = type.read(written);
            assertThat(read).isEqualTo(document);
            assertThat(read.get("value")).isInstanceOf(value.getClass());
        }
    }

    @Test
    void should_read_a_file_the_libraries_own_backend_wrote_and_keep_its_unique_indexes() throws Exception {
        // given: a file as every earlier version wrote it, with a unique index besides
        // _id
        Path file = directory.resolve("mongo.mv");
        MVStore old = MVStore.open(file.toString());
        MongoServer oldServer = new MongoServer(new H2Backend(old));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(oldServer.bind()))) {
            MongoCollection<org.bson.Document> keys = client.getDatabase("gateway").getCollection("keys");
            keys.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                keys.insertOne(new org.bson.Document("_id", "key_" + i).append("hash", "h" + i)
                    .append("created_at", new Date(1_000L * i))
                    .append("scopes", List.of("tasks:write")));
            }
        }
        oldServer.shutdown();
        assertThat(mapNames(file)).anyMatch(name -> name.contains("._index_"));

        // when
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory);
                MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<org.bson.Document> keys = client.getDatabase("gateway").getCollection("keys");

            // then: the old documents, a new one beside them, and both unique indexes
            assertThat(keys.find(Filters.eq("hash", "h42")).first()).containsEntry("_id", "key_42")
                .containsEntry("created_at", new Date(42_000))
                .containsEntry("scopes", List.of("tasks:write"));
            keys.insertOne(new org.bson.Document("_id", "key_new").append("hash", "h_new")
                .append("amount", new Decimal128(12))
                .append("raw", new Binary(new byte[] { 9 }))
                .append("ref", new ObjectId()));
            assertThat(keys.countDocuments()).isEqualTo(51);
            assertDuplicate(() -> keys.insertOne(new org.bson.Document("_id", "key_7")));
            assertDuplicate(() -> keys.insertOne(new org.bson.Document("_id", "key_other").append("hash", "h7")));
        }
        assertThat(mapNames(file)).noneMatch(name -> name.contains("._index_"));

        // and when opened once more: everything as it was left
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory);
                MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<org.bson.Document> keys = client.getDatabase("gateway").getCollection("keys");
            assertThat(keys.find(Filters.eq("_id", "key_new")).first()).containsEntry("amount", new Decimal128(12))
                .containsEntry("hash", "h_new");
            assertThat(keys.countDocuments()).isEqualTo(51);
            assertDuplicate(() -> keys.insertOne(new org.bson.Document("_id", "key_other").append("hash", "h_new")));
        }
    }

    @Test
    void should_store_an_updated_document_as_a_new_object_and_leave_the_one_a_commit_may_be_writing_alone() {
        onDurableServer((backend, tasks) -> {
            // given
            tasks.insertOne(new org.bson.Document("_id", "task_1").append("status", "queued"));
            MVMap<Object, Document> stored = backend.getMvStore().openMap("databases.gateway.tasks");
            Document before = stored.get("task_1");

            // when: a change of a value, a new field, a findAndModify
            tasks.updateOne(Filters.eq("_id", "task_1"),
                    Updates.combine(Updates.set("status", "in_progress"), Updates.set("progress", 10)));
            tasks.findOneAndUpdate(Filters.eq("_id", "task_1"), Updates.set("status", "completed"));

            // then
            assertThat(before).isEqualTo(new Document("_id", "task_1").append("status", "queued"));
            assertThat(stored.get("task_1")).isNotSameAs(before)
                .isEqualTo(new Document("_id", "task_1").append("status", "completed").append("progress", 10));
        });
    }

    @Test
    void should_reuse_the_space_of_the_chunks_its_commits_left_behind_within_seconds() {
        onDurableServer((backend, tasks) -> {
            // given: a commit, so a chunk, for each of 1,500 updates of 50 documents
            for (int update = 0; update < 1_500; update++) {
                tasks.replaceOne(Filters.eq("_id", "task_" + update % 50),
                        new org.bson.Document("_id", "task_" + update % 50).append("version", update),
                        new ReplaceOptions().upsert(true));
            }
            long written = chunks(backend.getMvStore());

            // then: while writes go on, the chunks that hold nothing live any more are
            // dropped after the short retention (H2's default keeps them 45 s)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                tasks.updateOne(Filters.eq("_id", "task_0"), Updates.inc("version", 1));
                assertThat(chunks(backend.getMvStore())).isLessThan(written / 10);
            });
            assertThat(written).isGreaterThan(1_000);
            assertThat(tasks.countDocuments()).isEqualTo(50);
        });
    }

    /**
     * Runs {@code test} against a durable server on the test's directory, with its
     * backend and the {@code gateway.tasks} collection.
     */
    private void onDurableServer(BiConsumer<DurableH2Backend, MongoCollection<org.bson.Document>> test) {
        DurableH2Backend backend = DurableH2Backend.open(directory.resolve("mongo.mv"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            test.accept(backend, client.getDatabase("gateway").getCollection("tasks"));
        }
        finally {
            server.shutdown();
        }
    }

    private static long chunks(MVStore store) {
        return store.getFileStore().getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    private static Set<String> mapNames(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return store.getMapNames();
        }
        finally {
            store.close();
        }
    }

    private ByteBuffer write(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

}
