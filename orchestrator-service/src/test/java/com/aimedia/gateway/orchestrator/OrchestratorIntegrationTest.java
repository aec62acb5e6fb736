package com.aimedia.gateway.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.orchestrator.task.FailingWritesTaskStore;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The orchestrator against a real (embedded) Kafka broker and mongo-java-server: events
 * in through the platform's publisher, task documents and TaskStatusChanged /
 * PollRequested events read back with real consumers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=" + OrchestratorApplication.CONFIG_NAME,
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.kafka.metadata-max-age=1s", "gateway.orchestrator.polling.tick=100ms",
                "gateway.orchestrator.polling.default-interval=300ms",
                "gateway.orchestrator.polling.max-interval=600ms",
                "gateway.orchestrator.polling.acceptance-check=500ms",
                // a provider whose first poll is an hour after its acceptance
                "gateway.orchestrator.polling.providers.vidu.interval=1h",
                "gateway.orchestrator.outbox.relay-interval=200ms", "gateway.orchestrator.outbox.relay-after=1s" })
@EmbeddedKafka(partitions = 1,
        topics = { "tasks.submitted.kling", "tasks.poll.kling", "tasks.submitted.vidu", "tasks.poll.vidu" })
class OrchestratorIntegrationTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private MeterRegistry meterRegistry;

    @Autowired
    private FailingWritesTaskStore store;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @TestConfiguration
    static class FaultInjection {

        @Bean
        @Primary
        FailingWritesTaskStore failingWritesTaskStore(MongoDatabase database) {
            return new FailingWritesTaskStore(database);
        }

    }

    private static KafkaConsumer<String, SpecificRecord> changedConsumer;

    private static KafkaConsumer<String, SpecificRecord> pollConsumer;

    private static final List<SpecificRecord> changed = new CopyOnWriteArrayList<>();

    private static final List<SpecificRecord> polls = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
        registry.add("gateway.mongo.database", () -> "orchestrator-it");
    }

    @AfterAll
    static void stop() {
        if (changedConsumer != null) {
            changedConsumer.close();
        }
        if (pollConsumer != null) {
            pollConsumer.close();
        }
        // MONGO stays up: the cached Spring context still uses it until the JVM ends
    }

    @Test
    void should_store_the_task_and_publish_every_version_when_a_task_runs_to_completion() {
        // given
        String taskId = newTaskId();
        Instant created = now();

        // when
        publisher.publish(Topics.submitted("kling"), submitted(taskId, created));
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("queued"));
        publisher.publish(Topics.STATUS, accepted(taskId));
        awaitTask(taskId, task -> assertThat(task.getString("provider_task_id")).isEqualTo("pt-" + taskId));
        publisher.publish(Topics.STATUS, report(taskId, ReportedOutcome.PROGRESS));
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("in_progress"));
        TaskStatusReported completed = completed(taskId);
        publisher.publish(Topics.STATUS, completed);

        // then
        Document task = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("completed"));
        assertThat(task.getString("tenant_id")).isEqualTo("tenant-1");
        assertThat(task.getString("model")).isEqualTo("kling-v2");
        assertThat(task.getString("provider")).isEqualTo("kling");
        assertThat(task.getString("provider_model")).isEqualTo("kling-v2-master");
        assertThat(task.getString("callback_url")).isEqualTo("https://hooks.example.com/t");
        assertThat(task.getLong("version")).isEqualTo(1000L);
        assertThat(task.getList("outputs", String.class)).containsExactly("https://cdn.example.com/" + taskId + ".mp4");
        assertThat(task.getDate("completed_at").toInstant()).isEqualTo(completed.getOccurredAt());
        assertThat(task.getDate("created_at").toInstant()).isEqualTo(created);
        assertThat(task).doesNotContainKey("next_poll_at");
        assertThat(task.getString("view")).isEqualTo("{\"id\":\"" + taskId
                + "\",\"status\":\"completed\",\"created_at\":" + created.getEpochSecond() + ",\"completed_at\":"
                + completed.getOccurredAt().getEpochSecond() + ",\"outputs\":[\"https://cdn.example.com/" + taskId
                + ".mp4\"],\"version\":1000," + "\"updated_at\":" + completed.getOccurredAt().getEpochSecond() + "}");
        List<TaskStatusChanged> events = awaitChanged(taskId, 3);
        assertThat(events).extracting(TaskStatusChanged::getVersion).containsExactly(1L, 2L, 1000L);
        assertThat(events).extracting(TaskStatusChanged::getStatus)
            .containsExactly(TaskStatus.QUEUED, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED);
        TaskStatusChanged last = events.getLast();
        assertThat(last.getBody()).isEqualTo(task.getString("view"));
        assertThat(last.getTenantId()).isEqualTo("tenant-1");
        assertThat(last.getCallbackUrl()).isEqualTo("https://hooks.example.com/t");
        assertThat(events.getFirst().getBody())
            .isEqualTo("{\"id\":\"" + taskId + "\",\"status\":\"queued\",\"created_at\":" + created.getEpochSecond()
                    + ",\"version\":1,\"updated_at\":" + created.getEpochSecond() + "}");
        awaitTask(taskId, doc -> assertThat(doc.getList("outbox", Document.class)).isEmpty());
        List<Document> history = task.getList("status_history", Document.class);
        assertThat(history).extracting(entry -> entry.getString("status"))
            .containsExactly("queued", "in_progress", "completed");
        assertThat(history.getFirst().getDate("at").toInstant()).isEqualTo(created);
        assertThat(history.getLast().getDate("at").toInstant()).isEqualTo(completed.getOccurredAt());
        assertThat(history).extracting(entry -> entry.get("version", Number.class).longValue())
            .containsExactly(1L, 2L, 1000L);
        assertThat(meterRegistry.find(OrchestratorMetrics.TASK_TRANSITIONS)
            .tags("provider", "kling", "to", "completed")
            .counter()).isNotNull();
        assertThat(meterRegistry.find(OrchestratorMetrics.TASK_DURATION).tags("status", "completed").timer())
            .isNotNull();
    }

    @Test
    void should_carry_the_metadata_and_webhook_filter_into_every_body_and_event_when_the_submission_has_them() {
        // given
        String taskId = newTaskId();
        Instant created = now();
        TaskSubmitted submitted = TaskSubmitted.newBuilder(submitted(taskId, created))
            .setMetadata(java.util.Map.of("order", "o-17", "customer", "c-9"))
            .setWebhookEvents(List.of("completed", "failed"))
            .setVideoSeconds(10)
            .build();

        // when
        publisher.publish(Topics.submitted("kling"), submitted);
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("queued"));
        publisher.publish(Topics.STATUS, completed(taskId));

        // then: the queued body is the one api-service answers before the task is stored
        // (metadata sorted by key)
        Document task = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("completed"));
        assertThat(task.get("metadata", Document.class)).containsEntry("order", "o-17")
            .containsEntry("customer", "c-9");
        assertThat(task.getList("webhook_events", String.class)).containsExactly("completed", "failed");
        assertThat(task.getInteger("video_seconds")).as("for usage").isEqualTo(10);
        assertThat(task.getString("view"))
            .contains(",\"metadata\":{\"customer\":\"c-9\",\"order\":\"o-17\"},\"version\":1000,");
        List<TaskStatusChanged> events = awaitChanged(taskId, 2);
        assertThat(events.getFirst().getBody())
            .isEqualTo("{\"id\":\"" + taskId + "\",\"status\":\"queued\",\"created_at\":" + created.getEpochSecond()
                    + ",\"metadata\":{\"customer\":\"c-9\",\"order\":\"o-17\"},\"version\":1," + "\"updated_at\":"
                    + created.getEpochSecond() + "}");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetadata()).containsEntry("order", "o-17").containsEntry("customer", "c-9");
            assertThat(event.getWebhookEvents()).containsExactly("completed", "failed");
        });
    }

    @Test
    void should_publish_a_progress_version_without_a_history_entry_when_the_provider_reports_higher_progress() {
        // given
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("queued"));
        publisher.publish(Topics.STATUS,
                TaskStatusReported.newBuilder(report(taskId, ReportedOutcome.PROGRESS)).setProgress(10).build());
        awaitTask(taskId, task -> assertThat(task.getLong("version")).isEqualTo(12L));
        awaitChanged(taskId, 2);

        // when: a higher report, then a lower one that arrived late
        publisher.publish(Topics.STATUS,
                TaskStatusReported.newBuilder(report(taskId, ReportedOutcome.PROGRESS)).setProgress(60).build());
        publisher.publish(Topics.STATUS,
                TaskStatusReported.newBuilder(report(taskId, ReportedOutcome.PROGRESS)).setProgress(30).build());
        awaitOrchestratorCaughtUp();

        // then
        Document task = awaitTask(taskId, doc -> assertThat(doc.getLong("version")).isEqualTo(62L));
        assertThat(task.getString("view")).contains(",\"progress\":60,\"version\":62,");
        assertThat(task.getList("status_history", Document.class)).extracting(entry -> entry.getString("status"))
            .containsExactly("queued", "in_progress");
        List<TaskStatusChanged> events = awaitChanged(taskId, 3);
        assertThat(events).extracting(TaskStatusChanged::getVersion).containsExactly(1L, 12L, 62L);
        assertThat(events).extracting(TaskStatusChanged::getStatusChanged).containsExactly(true, true, false);
        assertThat(events.getLast().getProgress()).isEqualTo(60);
    }

    @Test
    void should_end_the_task_failed_cancelled_and_ignore_a_later_result_when_its_owner_cancels() {
        // given
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("queued"));
        publisher.publish(Topics.STATUS, report(taskId, ReportedOutcome.PROGRESS));
        awaitTask(taskId, task -> assertThat(task.getString("status")).isEqualTo("in_progress"));

        // when
        publisher.publish(Topics.CANCEL,
                TaskCancelRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(now())
                    .setTenantId("tenant-1")
                    .setProvider("kling")
                    .build());
        Document cancelled = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("failed"));
        publisher.publish(Topics.STATUS, completed(taskId));
        awaitOrchestratorCaughtUp();

        // then
        assertThat(cancelled.getString("error_code")).isEqualTo("cancelled");
        assertThat(cancelled).doesNotContainKey("next_poll_at");
        assertThat(cancelled.getString("view")).contains("\"status\":\"failed\"")
            .contains(
                    "\"error\":\"The task was cancelled by its owner.\",\"error_code\":\"cancelled\",\"retryable\":false");
        List<TaskStatusChanged> events = awaitChanged(taskId, 3);
        assertThat(events.getLast().getErrorCode()).isEqualTo("cancelled");
        assertThat(events.getLast().getBody()).isEqualTo(cancelled.getString("view"));
        assertThat(task(taskId).getString("status")).isEqualTo("failed");
        assertThat(changedFor(taskId)).hasSize(3);
    }

    @Test
    void should_publish_only_once_the_submission_is_known_when_a_report_arrives_first() {
        // given
        String taskId = newTaskId();

        // when
        publisher.publish(Topics.STATUS, completed(taskId));
        Document orphan = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("completed"));
        awaitOrchestratorCaughtUp();

        // then
        assertThat(orphan).doesNotContainKeys("tenant_id", "view");
        assertThat(changedFor(taskId)).isEmpty();

        // when
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));

        // then
        awaitTask(taskId, doc -> assertThat(doc.getString("tenant_id")).isEqualTo("tenant-1"));
        List<TaskStatusChanged> events = awaitChanged(taskId, 1);
        awaitOrchestratorCaughtUp();
        assertThat(changedFor(taskId)).hasSize(1);
        assertThat(events.getFirst().getVersion()).isEqualTo(1000L);
        assertThat(events.getFirst().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(events.getFirst().getBody()).isEqualTo(task(taskId).getString("view"));
    }

    @Test
    void should_change_nothing_when_events_are_delivered_twice() {
        // given
        String taskId = newTaskId();
        TaskSubmitted submitted = submitted(taskId, now());
        TaskStatusReported progress = report(taskId, ReportedOutcome.PROGRESS);
        TaskStatusReported completed = completed(taskId);

        // when: each event twice (submissions and reports travel on different topics, so
        // each step waits)
        publisher.publish(Topics.submitted("kling"), submitted);
        publisher.publish(Topics.submitted("kling"), submitted);
        awaitChanged(taskId, 1);
        publisher.publish(Topics.STATUS, progress);
        publisher.publish(Topics.STATUS, progress);
        awaitChanged(taskId, 2);
        publisher.publish(Topics.STATUS, completed);
        publisher.publish(Topics.STATUS, completed);
        awaitChanged(taskId, 3);
        awaitOrchestratorCaughtUp();

        // then
        assertThat(changedFor(taskId)).extracting(TaskStatusChanged::getVersion).containsExactly(1L, 2L, 1000L);
        Document task = task(taskId);
        assertThat(task.getLong("version")).isEqualTo(1000L);
        assertThat(task.getDate("updated_at").toInstant()).isEqualTo(completed.getOccurredAt());
    }

    @Test
    void should_store_one_task_and_publish_once_when_a_batch_holds_the_submission_twice() {
        // given: the submissions wait in Kafka, so the listener gets them in one batch
        String taskId = newTaskId();
        TaskSubmitted submitted = submitted(taskId, now());
        String other = newTaskId();
        MessageListenerContainer container = pausedSubmittedListener();

        // when
        publisher.publish(Topics.submitted("kling"), submitted);
        publisher.publish(Topics.submitted("kling"), submitted(other, now()));
        publisher.publish(Topics.submitted("kling"), submitted);
        container.resume();

        // then
        awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("queued"));
        awaitTask(other, doc -> assertThat(doc.getString("status")).isEqualTo("queued"));
        awaitChanged(taskId, 1);
        awaitChanged(other, 1);
        awaitOrchestratorCaughtUp();
        assertThat(changedFor(taskId)).extracting(TaskStatusChanged::getVersion).containsExactly(1L);
        assertThat(changedFor(other)).extracting(TaskStatusChanged::getVersion).containsExactly(1L);
        assertThat(task(taskId).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void should_apply_a_batch_when_it_is_consumed_again_after_its_bulk_write_failed() {
        // given
        String first = newTaskId();
        String second = newTaskId();
        MessageListenerContainer container = pausedSubmittedListener();
        store.failNextBulkWrites(1);

        // when
        publisher.publish(Topics.submitted("kling"), submitted(first, now()));
        publisher.publish(Topics.submitted("kling"), submitted(second, now()));
        container.resume();

        // then: the failed write committed no offset; the batch came again and was
        // applied
        awaitTask(first, doc -> assertThat(doc.getString("status")).isEqualTo("queued"));
        awaitTask(second, doc -> assertThat(doc.getString("status")).isEqualTo("queued"));
        assertThat(store.failedBulkWrites()).isEqualTo(1);
        awaitChanged(first, 1);
        awaitChanged(second, 1);
        awaitOrchestratorCaughtUp();
        assertThat(changedFor(first)).extracting(TaskStatusChanged::getVersion).containsExactly(1L);
        assertThat(changedFor(second)).extracting(TaskStatusChanged::getVersion).containsExactly(1L);
    }

    @Test
    void should_request_polls_with_backoff_and_stop_when_the_task_ends() {
        // given
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));

        // when
        publisher.publish(Topics.STATUS, accepted(taskId));

        // then
        List<PollRequested> requests = awaitPolls(taskId, 2);
        assertThat(requests.get(0).getAttempt()).isEqualTo(1);
        assertThat(requests.get(1).getAttempt()).isEqualTo(2);
        assertThat(requests.get(0).getProviderTaskId()).isEqualTo("pt-" + taskId);
        assertThat(requests.get(0).getProviderRef()).isEqualTo("ref-1");
        assertThat(requests.get(0).getProvider()).isEqualTo("kling");
        assertThat(Duration.between(requests.get(0).getOccurredAt(), requests.get(1).getOccurredAt()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(450));

        // when
        publisher.publish(Topics.STATUS, completed(taskId));

        // then
        Document task = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("completed"));
        assertThat(task).doesNotContainKey("next_poll_at");
        assertThat(task.getInteger("poll_attempts")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void should_ask_the_workers_about_the_submission_when_no_acceptance_arrives() {
        // when: the provider's acceptance report never arrives (lost in a crash)
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));

        // then: the workers are asked long before the deadline, again after the backoff,
        // and never to poll
        await().atMost(WAIT).untilAsserted(() -> {
            drain(pollConsumer(), polls);
            assertThat(polls).filteredOn(SubmissionCheckRequested.class::isInstance)
                .map(SubmissionCheckRequested.class::cast)
                .filteredOn(check -> check.getTaskId().equals(taskId))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(check -> assertThat(check.getProvider()).isEqualTo("kling"));
        });
        assertThat(polls).filteredOn(PollRequested.class::isInstance)
            .map(PollRequested.class::cast)
            .noneMatch(poll -> poll.getTaskId().equals(taskId));

        // when: the re-reported acceptance arrives
        publisher.publish(Topics.STATUS, accepted(taskId));

        // then: polling starts, its backoff counting from the acceptance, not the checks
        PollRequested firstPoll = awaitPolls(taskId, 1).getFirst();
        assertThat(firstPoll.getProviderTaskId()).isEqualTo("pt-" + taskId);
        assertThat(firstPoll.getAttempt()).isEqualTo(1);
    }

    @Test
    void should_poll_at_once_when_a_provider_calls_back_and_do_nothing_when_the_task_has_ended() {
        // given: an accepted task whose next scheduled poll is an hour away
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId, now()));
        publisher.publish(Topics.STATUS, accepted(taskId));
        awaitTask(taskId, doc -> assertThat(doc.getString("provider_task_id")).isNotNull());
        tasks().updateOne(new Document("_id", taskId), new Document("$set",
                new Document("next_poll_at", java.util.Date.from(now().plus(Duration.ofHours(1))))));
        awaitOrchestratorCaughtUp();
        drain(pollConsumer(), polls);
        long before = polls.stream()
            .filter(PollRequested.class::isInstance)
            .map(PollRequested.class::cast)
            .filter(poll -> poll.getTaskId().equals(taskId))
            .count();

        // when
        publisher.publish(Topics.STATUS, callback(taskId));

        // then
        assertThat(awaitPolls(taskId, (int) before + 1)).hasSize((int) before + 1);
        assertThat(task(taskId).getDate("next_poll_at").toInstant()).isBefore(now().plus(Duration.ofMinutes(1)));

        // when: the task ends, and the callback is replayed
        publisher.publish(Topics.STATUS, completed(taskId));
        awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("completed"));
        publisher.publish(Topics.STATUS, callback(taskId));
        awaitOrchestratorCaughtUp();

        // then: no poll, no change
        drain(pollConsumer(), polls);
        assertThat(polls).filteredOn(PollRequested.class::isInstance)
            .map(PollRequested.class::cast)
            .filteredOn(poll -> poll.getTaskId().equals(taskId))
            .hasSize((int) before + 1);
        assertThat(task(taskId).getString("status")).isEqualTo("completed");
    }

    @Test
    void should_poll_once_the_acceptance_is_applied_when_the_providers_callback_overtook_it() {
        // given: a task whose acceptance check and first poll (after its acceptance) are
        // an hour away, and its provider's callback (a job done at once) before the
        // acceptance report
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("vidu"),
                TaskSubmitted.newBuilder(submitted(taskId, now())).setProvider("vidu").setModel("viduq1").build());
        awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("queued"));
        tasks().updateOne(new Document("_id", taskId), new Document("$set",
                new Document("next_poll_at", java.util.Date.from(now().plus(Duration.ofHours(1))))));
        publisher.publish(Topics.STATUS,
                ProviderCallbackReceived.newBuilder(callback(taskId)).setProvider("vidu").build());
        awaitOrchestratorCaughtUp();
        assertThat(task(taskId).getString("provider_task_id")).isNull();

        // when
        publisher.publish(Topics.STATUS, TaskStatusReported.newBuilder(accepted(taskId)).setProvider("vidu").build());

        // then: polled now, not an hour later
        PollRequested poll = awaitPolls(taskId, 1).getFirst();
        assertThat(poll.getProvider()).isEqualTo("vidu");
        assertThat(poll.getProviderTaskId()).isEqualTo("pt-" + taskId);
        assertThat(poll.getAttempt()).isEqualTo(1);
    }

    private static ProviderCallbackReceived callback(String taskId) {
        return ProviderCallbackReceived.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(now())
            .setProvider("kling")
            .build();
    }

    @Test
    void should_fail_the_task_with_provider_timeout_when_the_deadline_passes() {
        // given: created almost 30 minutes ago, so the default deadline is a second away
        String taskId = newTaskId();
        publisher.publish(Topics.submitted("kling"),
                submitted(taskId, now().minus(Duration.ofMinutes(30)).plusSeconds(1)));
        publisher.publish(Topics.STATUS, accepted(taskId));

        // when
        Document task = awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("failed"));

        // then
        assertThat(task.getString("error_code")).isEqualTo("provider_timeout");
        assertThat(task.getString("error")).isEqualTo("The provider did not finish the task within 30 minutes.");
        assertThat(task).doesNotContainKey("next_poll_at");
        TaskStatusChanged failed = awaitChanged(taskId, 2).getLast();
        assertThat(failed.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("provider_timeout");
        assertThat(failed.getBody()).contains("\"error\":\"The provider did not finish the task within 30 minutes.\"");
        // and the workers are asked to stop the provider job, as an owner's cancel does
        try (KafkaConsumer<String, SpecificRecord> cancels = consumer(new EventDeserializer())) {
            cancels.subscribe(List.of(Topics.CANCEL));
            List<SpecificRecord> seen = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                drain(cancels, seen);
                assertThat(seen).filteredOn(TaskCancelRequested.class::isInstance)
                    .map(TaskCancelRequested.class::cast)
                    .filteredOn(cancel -> cancel.getTaskId().equals(taskId))
                    .singleElement()
                    .satisfies(cancel -> {
                        assertThat(cancel.getProvider()).isEqualTo("kling");
                        assertThat(cancel.getTenantId()).isEqualTo("tenant-1");
                    });
            });
        }
    }

    @Test
    void should_publish_a_left_over_outbox_entry_when_the_writer_crashed_after_its_write() {
        // given: the document as a writer leaves it when it dies between its write and
        // its publish
        String taskId = newTaskId();
        Instant created = now().minusSeconds(60);
        String view = "{\"id\":\"" + taskId + "\",\"status\":\"queued\",\"created_at\":" + created.getEpochSecond()
                + ",\"version\":1,\"updated_at\":" + created.getEpochSecond() + "}";
        Document entry = new Document("event_id", UUID.randomUUID().toString()).append("_id", taskId)
            .append("version", 1L)
            .append("status", "queued")
            .append("tenant_id", "tenant-1")
            .append("model", "kling-v2")
            .append("provider", "kling")
            .append("callback_url", null)
            .append("created_at", Date.from(created))
            .append("updated_at", Date.from(created))
            .append("completed_at", null)
            .append("outputs", List.of())
            .append("error", null)
            .append("error_code", null)
            .append("body", view);
        tasks().insertOne(new Document("_id", taskId).append("revision", 1L)
            .append("tenant_id", "tenant-1")
            .append("model", "kling-v2")
            .append("provider", "kling")
            .append("provider_model", "kling-v2-master")
            .append("status", "queued")
            .append("version", 1L)
            .append("created_at", Date.from(created))
            .append("updated_at", Date.from(created))
            .append("view", view)
            .append("poll_attempts", 0)
            .append("outbox", List.of(entry))
            .append("outbox_since", Date.from(created)));

        // when
        List<TaskStatusChanged> events = awaitChanged(taskId, 1);

        // then
        assertThat(events.getFirst().getBody()).isEqualTo(view);
        assertThat(events.getFirst().getVersion()).isEqualTo(1L);
        Document task = awaitTask(taskId, doc -> assertThat(doc).doesNotContainKey("outbox_since"));
        assertThat(task.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void should_dead_letter_an_undecodable_record_and_keep_processing_when_a_poison_record_arrives() {
        // given
        String poisonKey = "poison-" + UUID.randomUUID();
        String taskId = newTaskId();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new ByteArraySerializer())) {
            // when
            raw.send(new ProducerRecord<>(Topics.STATUS, poisonKey, "not avro".getBytes(StandardCharsets.UTF_8)));
            raw.flush();
        }
        publisher.publish(Topics.STATUS, report(taskId, ReportedOutcome.PROGRESS));

        // then
        awaitTask(taskId, doc -> assertThat(doc.getString("status")).isEqualTo("in_progress"));
        try (KafkaConsumer<String, byte[]> dlt = consumer(new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.STATUS + Topics.DEAD_LETTER_SUFFIX));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                assertThat(dead).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(poisonKey);
                    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
                    assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                });
            });
        }
    }

    private MessageListenerContainer pausedSubmittedListener() {
        MessageListenerContainer container = listeners.getListenerContainer("orchestrator-submitted");
        assertThat(container).isNotNull();
        container.pause();
        await().atMost(WAIT).until(container::isContainerPaused);
        return container;
    }

    private static String newTaskId() {
        return "task_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static TaskSubmitted submitted(String taskId, Instant created) {
        return TaskSubmitted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(created)
            .setTenantId("tenant-1")
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput("{\"prompt\":\"a cat\"}")
            .setCallbackUrl("https://hooks.example.com/t")
            .setCreatedAt(created)
            .build();
    }

    private static TaskStatusReported accepted(String taskId) {
        return TaskStatusReported.newBuilder(report(taskId, ReportedOutcome.ACCEPTED))
            .setProviderTaskId("pt-" + taskId)
            .setProviderRef("ref-1")
            .build();
    }

    private static TaskStatusReported completed(String taskId) {
        return TaskStatusReported.newBuilder(report(taskId, ReportedOutcome.COMPLETED))
            .setOutputs(List.of("https://cdn.example.com/" + taskId + ".mp4"))
            .build();
    }

    private static TaskStatusReported report(String taskId, ReportedOutcome outcome) {
        return TaskStatusReported.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(now())
            .setProvider("kling")
            .setOutcome(outcome)
            .setOutputs(List.of())
            .build();
    }

    private MongoCollection<Document> tasks() {
        return database.getCollection("tasks");
    }

    private Document task(String taskId) {
        return tasks().find(Filters.eq("_id", taskId)).first();
    }

    private Document awaitTask(String taskId, java.util.function.Consumer<Document> requirement) {
        await().atMost(WAIT).untilAsserted(() -> {
            Document task = task(taskId);
            assertThat(task).isNotNull();
            requirement.accept(task);
        });
        return task(taskId);
    }

    private List<TaskStatusChanged> awaitChanged(String taskId, int count) {
        await().atMost(WAIT).untilAsserted(() -> {
            drain(changedConsumer(), changed);
            assertThat(changedFor(taskId)).hasSizeGreaterThanOrEqualTo(count);
        });
        return changedFor(taskId);
    }

    private List<TaskStatusChanged> changedFor(String taskId) {
        drain(changedConsumer(), changed);
        return changed.stream()
            .map(TaskStatusChanged.class::cast)
            .filter(event -> event.getTaskId().equals(taskId))
            .toList();
    }

    private List<PollRequested> awaitPolls(String taskId, int count) {
        List<PollRequested> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            drain(pollConsumer(), polls);
            found.clear();
            polls.stream()
                .filter(PollRequested.class::isInstance)
                .map(PollRequested.class::cast)
                .filter(event -> event.getTaskId().equals(taskId))
                .forEach(found::add);
            assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        });
        return found;
    }

    /**
     * Waits until the orchestrator group has committed every record of its topics: it has
     * processed them all.
     */
    private void awaitOrchestratorCaughtUp() {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            await().atMost(WAIT).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("orchestrator")
                    .partitionsToOffsetAndMetadata()
                    .get();
                List<TopicPartition> partitions = List.of(new TopicPartition(Topics.STATUS, 0),
                        new TopicPartition(Topics.submitted("kling"), 0));
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (TopicPartition partition : partitions) {
                    // a partition nothing was ever published to has no committed offset
                    OffsetAndMetadata offset = committed.get(partition);
                    assertThat(offset == null ? 0L : offset.offset()).as("committed %s", partition)
                        .isEqualTo(ends.get(partition).offset());
                }
            });
        }
    }

    private synchronized KafkaConsumer<String, SpecificRecord> changedConsumer() {
        if (changedConsumer == null) {
            changedConsumer = consumer(new EventDeserializer());
            changedConsumer.subscribe(List.of(Topics.CHANGED));
        }
        return changedConsumer;
    }

    private synchronized KafkaConsumer<String, SpecificRecord> pollConsumer() {
        if (pollConsumer == null) {
            pollConsumer = consumer(new EventDeserializer());
            pollConsumer.subscribe(List.of(Topics.poll("kling"), Topics.poll("vidu")));
        }
        return pollConsumer;
    }

    private static void drain(KafkaConsumer<String, SpecificRecord> consumer, List<SpecificRecord> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> into.add(record.value()));
    }

    private <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), values);
    }

}
