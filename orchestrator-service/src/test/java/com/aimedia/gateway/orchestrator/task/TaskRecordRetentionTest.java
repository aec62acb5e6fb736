package com.aimedia.gateway.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.platform.retention.RecordSweeper;
import com.aimedia.gateway.platform.retention.TaskRecordRetention;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Task records are deleted once their tenant's retention has ended (counted from
 * creation), only once the task has ended, in batches through the
 * {@code record_expires_at} index, idempotently across replicas, and counted.
 */
class TaskRecordRetentionTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(CREATED.plusSeconds(90), ZoneOffset.UTC);

    private static final TaskRecordRetention RETENTION = new TaskRecordRetention(Duration.ofDays(7),
            Map.of("keeps-all", Duration.ZERO, "long", Duration.ofDays(30)), Duration.ofHours(1), 2);

    private final MongoServer server = new MongoServer(new MemoryBackend());

    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    private final MongoDatabase database = client.getDatabase("retention");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final TaskStore store = store();

    private final TaskService tasks = new TaskService(store, new TaskStateMachine(FixedPollingPolicy.standard()),
            new Outbox(change -> {
            }, store), CLOCK, new TransitionRecorder(registry));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void should_stamp_the_deletion_time_when_a_task_ends_and_not_while_it_runs() {
        // when
        finished("ended", "tenant-1");
        tasks.apply(submitted("running", "tenant-1"));
        finished("kept", "keeps-all");
        finished("longer", "long");

        // then
        assertThat(task("ended").getDate("record_expires_at").toInstant()).isEqualTo(CREATED.plus(Duration.ofDays(7)));
        assertThat(task("running")).doesNotContainKey("record_expires_at");
        assertThat(task("kept")).as("0d keeps the tenant's records").doesNotContainKey("record_expires_at");
        assertThat(task("longer").getDate("record_expires_at").toInstant())
            .isEqualTo(CREATED.plus(Duration.ofDays(30)));
    }

    @Test
    void should_stamp_the_deletion_time_when_the_submission_arrives_after_the_final_report() {
        // when: the report overtook its TaskSubmitted
        tasks.apply(new TaskEvent.Failed("late", "kling", CREATED.plusSeconds(5), "pt", "provider_error", "boom"));
        Document beforeSubmission = task("late");
        tasks.apply(submitted("late", "tenant-1"));

        // then
        assertThat(beforeSubmission).doesNotContainKey("record_expires_at");
        assertThat(task("late").getDate("record_expires_at").toInstant()).isEqualTo(CREATED.plus(Duration.ofDays(7)));
    }

    @Test
    void should_delete_every_expired_record_in_batches_and_keep_the_others_when_swept() {
        // given: five ended tasks of a 7-day tenant (batch size 2), one still running,
        // one of a 30-day tenant
        for (int i = 0; i < 5; i++) {
            finished("old-" + i, "tenant-1");
        }
        tasks.apply(submitted("running", "tenant-1"));
        finished("longer", "long");

        // when: one millisecond early, then exactly at the end of retention
        long early = sweeper(CREATED.plus(Duration.ofDays(7)).minusMillis(1)).sweep();
        long due = sweeper(CREATED.plus(Duration.ofDays(7))).sweep();

        // then
        assertThat(early).isZero();
        assertThat(due).isEqualTo(5);
        assertThat(ids()).containsExactlyInAnyOrder("running", "longer");
        assertThat(registry.counter(RecordSweeper.DELETED, "collection", "tasks").count()).isEqualTo(5);
    }

    @Test
    void should_delete_each_record_once_when_two_replicas_sweep_the_same_batch() {
        // given
        finished("a", "tenant-1");
        finished("b", "tenant-1");
        Instant now = CREATED.plus(Duration.ofDays(8));
        List<String> seenByBoth = store.findExpiredRecords(now, 10);

        // when: both delete what they found
        long first = store.deleteExpiredRecords(seenByBoth, now);
        long second = store.deleteExpiredRecords(seenByBoth, now);

        // then
        assertThat(seenByBoth).containsExactlyInAnyOrder("a", "b");
        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(ids()).isEmpty();
    }

    private RecordSweeper sweeper(Instant now) {
        return new RecordSweeper("tasks",
                new RecordSweeper.ExpiredRecords(store::findExpiredRecords, store::deleteExpiredRecords), RETENTION,
                Clock.fixed(now, ZoneOffset.UTC), registry);
    }

    private TaskStore store() {
        TaskStore created = new TaskStore(database, RETENTION);
        created.afterPropertiesSet();
        return created;
    }

    private void finished(String taskId, String tenantId) {
        tasks.apply(submitted(taskId, tenantId));
        tasks.apply(new TaskEvent.Completed(taskId, "kling", CREATED.plusSeconds(60), "pt-" + taskId,
                List.of("https://cdn.example.com/" + taskId + ".mp4")));
    }

    private Document task(String taskId) {
        return database.getCollection(TaskStore.COLLECTION).find(Filters.eq("_id", taskId)).first();
    }

    private List<String> ids() {
        return database.getCollection(TaskStore.COLLECTION)
            .find()
            .map(document -> document.getString("_id"))
            .into(new java.util.ArrayList<>());
    }

    private static TaskEvent submitted(String taskId, String tenantId) {
        return new TaskEvent.Submitted(taskId, CREATED.plusMillis(20),
                new Submission(tenantId, "kling-v2", "kling", "kling-v2-master", null, CREATED));
    }

}
