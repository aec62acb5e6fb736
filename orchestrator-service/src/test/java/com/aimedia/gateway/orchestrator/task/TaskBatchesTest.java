package com.aimedia.gateway.orchestrator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.testsupport.ScanRecordingBackend;
import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The batch path against a real mongo-java-server, with a hand-written publisher: the
 * document and the published versions must be those that applying the same events one by
 * one gives.
 */
class TaskBatchesTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(CREATED.plusSeconds(90), ZoneOffset.UTC);

    private final ScanRecordingBackend backend = new ScanRecordingBackend();

    private final InMemoryMongo mongo = InMemoryMongo.start(backend);

    private final MongoDatabase database = mongo.database("batches");

    private final RecordingPublisher publisher = new RecordingPublisher();

    private final TaskStateMachine machine = new TaskStateMachine(FixedPollingPolicy.standard());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void should_store_one_task_and_publish_each_version_once_when_a_batch_holds_duplicates() {
        // given
        TaskBatches batches = batches(store());

        // when
        batches.applyAll(List.of(submitted("t1"), submitted("t1"), progress("t1"), submitted("t2"), progress("t1")));

        // then
        assertThat(publisher.versions("t1")).containsExactly(1L, 2L);
        assertThat(publisher.versions("t2")).containsExactly(1L);
        Document task = task("t1");
        assertThat(task.getString("status")).isEqualTo("in_progress");
        assertThat(task.getList("outbox", Document.class)).isEmpty();
        assertThat(task).doesNotContainKey("outbox_since");
        assertThat(database.getCollection("tasks").countDocuments()).isEqualTo(2);
        assertThat(task.getString("poll_token"))
            .isEqualTo(TaskDocuments.pollToken("t1", task.getDate("next_poll_at").toInstant()));
        assertThat(backend.scansOf(TaskStore.COLLECTION)).as("reads and writes answered from indexes").isEmpty();
    }

    @Test
    void should_end_as_one_by_one_when_a_report_precedes_its_submission_in_the_same_batch() {
        // given: the same events applied one by one, in their natural order, to another
        // task id
        TaskStore store = store();
        TaskService oneByOne = new TaskService(store, machine, new Outbox(publisher, store), CLOCK, recorder());
        List.of(submitted("single"), accepted("single"), completed("single")).forEach(oneByOne::apply);

        // when: the report first, then the submission, in one batch
        batches(store).applyAll(List.of(completed("batch"), accepted("batch"), submitted("batch")));

        // then
        Document batch = task("batch");
        Document single = task("single");
        assertThat(batch.getString("status")).isEqualTo("completed");
        assertThat(batch.getString("tenant_id")).isEqualTo("tenant-1");
        assertThat(batch.getString("view")).isEqualTo(single.getString("view").replace("single", "batch"));
        assertThat(batch.getList("outputs", String.class)).containsExactly("https://cdn.example.com/batch.mp4");
        assertThat(batch.getDate("completed_at")).isEqualTo(single.getDate("completed_at"));
        assertThat(batch.getDate("deadline_at")).isEqualTo(single.getDate("deadline_at"));
        assertThat(batch.getString("provider_task_id")).isEqualTo("pt-batch");
        assertThat(batch).doesNotContainKey("next_poll_at");
        // nothing is published before the owner is known: then the completed version,
        // once
        assertThat(publisher.versions("batch")).containsExactly(1000L);
    }

    @Test
    void should_publish_the_queued_version_when_the_submission_arrives_in_a_later_batch_than_the_acceptance() {
        // given: the workers' acceptance was stored before the orchestrator read the
        // task's TaskSubmitted
        TaskBatches batches = batches(store());
        batches.applyAll(List.of(accepted("late")));

        // when
        batches.applyAll(List.of(submitted("late")));
        batches.applyAll(List.of(progress("late")));

        // then: the owner's arrival publishes queued (version 1) before in_progress
        assertThat(publisher.versions("late")).containsExactly(1L, 2L);
        assertThat(publisher.published).filteredOn(change -> change.taskId().equals("late"))
            .allMatch(StatusChange::statusChanged);
    }

    @Test
    void should_apply_nothing_and_publish_nothing_when_the_bulk_write_fails_and_all_when_the_batch_comes_again() {
        // given
        FaultyStore store = new FaultyStore(database);
        store.afterPropertiesSet();
        store.failNextWrite = true;
        TaskBatches batches = batches(store);
        List<TaskEvent> batch = List.of(submitted("t1"), submitted("t2"));

        // when
        assertThatThrownBy(() -> batches.applyAll(batch)).isInstanceOf(MongoSocketWriteException.class);

        // then
        assertThat(database.getCollection("tasks").countDocuments()).isZero();
        assertThat(publisher.published).isEmpty();

        // when: the consumer delivers the same batch again
        batches.applyAll(batch);

        // then
        assertThat(publisher.versions("t1")).containsExactly(1L);
        assertThat(publisher.versions("t2")).containsExactly(1L);
    }

    @Test
    void should_read_and_fold_again_when_another_writer_changed_a_task_between_read_and_write() {
        // given: another writer applies the progress report right after the batch read
        // the task
        FaultyStore store = new FaultyStore(database);
        store.afterPropertiesSet();
        TaskService other = new TaskService(store, machine, new Outbox(publisher, store), CLOCK, recorder());
        other.apply(submitted("t1"));
        store.afterRead = () -> other.apply(progress("t1"));

        // when
        batches(store).applyAll(List.of(accepted("t1"), completed("t1")));

        // then: both writers' changes are in the document, each version published once
        Document task = task("t1");
        assertThat(task.getString("status")).isEqualTo("completed");
        assertThat(task.getString("provider_ref")).isEqualTo("ref-1");
        assertThat(publisher.versions("t1")).containsExactly(1L, 2L, 1000L);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void should_keep_unpublished_versions_in_the_outbox_when_kafka_refuses_them() {
        // given
        TaskStore store = store();
        publisher.failing = true;

        // when
        batches(store).applyAll(List.of(submitted("t1"), progress("t1")));

        // then: both versions wait for the relay, in order
        Document task = task("t1");
        assertThat(task.getList("outbox", Document.class)).extracting(entry -> entry.get("version"))
            .containsExactly(1L, 2L);
        assertThat(task).containsKey("outbox_since");

        // when
        publisher.failing = false;
        new OutboxRelay(store, new Outbox(publisher, store),
                new OutboxProperties(Duration.ofSeconds(1), Duration.ZERO, 100),
                Clock.offset(CLOCK, Duration.ofMinutes(1)), new SimpleMeterRegistry())
            .relay();

        // then
        assertThat(publisher.versions("t1")).containsExactly(1L, 2L);
        assertThat(task("t1").getList("outbox", Document.class)).isEmpty();
    }

    private TaskStore store() {
        TaskStore store = new TaskStore(database);
        store.afterPropertiesSet();
        return store;
    }

    private TaskBatches batches(TaskStore store) {
        return new TaskBatches(store, machine, new Outbox(publisher, store), CLOCK, recorder());
    }

    private static TransitionRecorder recorder() {
        return new TransitionRecorder(new SimpleMeterRegistry());
    }

    private Document task(String taskId) {
        return database.getCollection("tasks").find(Filters.eq("_id", taskId)).first();
    }

    private static TaskEvent submitted(String taskId) {
        return new TaskEvent.Submitted(taskId, CREATED.plusMillis(20), new Submission("tenant-1", "kling-v2", "kling",
                "kling-v2-master", "https://example.com/hook", CREATED));
    }

    private static TaskEvent accepted(String taskId) {
        return new TaskEvent.Accepted(taskId, "kling", CREATED.plusSeconds(2), "pt-" + taskId, "ref-1");
    }

    private static TaskEvent progress(String taskId) {
        return new TaskEvent.Progressed(taskId, "kling", CREATED.plusSeconds(10), "pt-" + taskId);
    }

    private static TaskEvent completed(String taskId) {
        return new TaskEvent.Completed(taskId, "kling", CREATED.plusSeconds(60), "pt-" + taskId,
                List.of("https://cdn.example.com/" + taskId + ".mp4"));
    }

    /** Records what was published; refuses everything while {@code failing}. */
    private static final class RecordingPublisher implements TaskChangePublisher {

        private final List<StatusChange> published = new ArrayList<>();

        private boolean failing;

        @Override
        public void publish(StatusChange change) {
            if (failing) {
                throw new IllegalStateException("Kafka is down");
            }
            published.add(change);
        }

        List<Long> versions(String taskId) {
            return published.stream()
                .filter(change -> change.taskId().equals(taskId))
                .map(StatusChange::version)
                .toList();
        }

    }

    /**
     * The real store, with a write that fails once when asked and a hook that lets
     * another writer in after a read.
     */
    private static final class FaultyStore extends TaskStore {

        private boolean failNextWrite;

        private Runnable afterRead = () -> {
        };

        private int reads;

        FaultyStore(MongoDatabase database) {
            super(database);
        }

        @Override
        Map<String, StoredTask> findAll(Collection<String> taskIds) {
            Map<String, StoredTask> found = super.findAll(taskIds);
            reads++;
            Runnable hook = afterRead;
            afterRead = () -> {
            };
            hook.run();
            return found;
        }

        @Override
        Set<String> writeAll(List<TaskWrite> writes, Instant now) {
            if (failNextWrite) {
                failNextWrite = false;
                throw new MongoSocketWriteException("connection reset", new ServerAddress(), new RuntimeException());
            }
            return super.writeAll(writes, now);
        }

    }

}
