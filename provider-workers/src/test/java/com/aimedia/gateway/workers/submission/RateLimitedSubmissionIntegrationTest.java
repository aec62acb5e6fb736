package com.aimedia.gateway.workers.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;
import com.aimedia.gateway.simulators.kling.KlingError;
import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.ProviderWorkersApplication;
import com.mongodb.client.MongoDatabase;

/**
 * A task whose provider account is full (Kling answers 429 1303, "parallel task limit")
 * waits its turn through the real Kafka error handler and MongoDB: for many more
 * deliveries than {@code max-attempts} and the handler's bounded retries, it ends
 * accepted with one provider job and nothing on the dead-letter topic; and a cancel of
 * the waiting task ends it cancelled, never sent.
 */
@SpringBootTest(classes = ProviderWorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ProviderWorkersApplication.CONFIG_NAME,
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.kafka.retry-attempts=1", "gateway.kafka.retry-initial-interval=10ms",
                "gateway.workers.providers=kling", "gateway.workers.submission.max-attempts=2",
                "gateway.workers.submission.rate-limit-backoff=20ms",
                "gateway.workers.submission.rate-limit-patience=10m", "management.server.port=0" })
@EmbeddedKafka(partitions = 1)
class RateLimitedSubmissionIntegrationTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static final KlingSimulator SIMULATOR = KlingSimulator.start(KlingSimulator.Config.defaults()
        .withCredentials("it-access-key", "it-secret-key")
        .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(30)));

    /** More refusals than max-attempts (2) and the error handler's deliveries (2). */
    private static final int REFUSALS = 6;

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ConsumerFactory<String, SpecificRecord> consumerFactory;

    private StatusTopic status;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
        registry.add("gateway.providers.kling.base-url", SIMULATOR::baseUrl);
        registry.add("gateway.providers.kling.access-key", () -> "it-access-key");
        registry.add("gateway.providers.kling.secret-key", () -> "it-secret-key");
    }

    @AfterAll
    static void stopInfrastructure() {
        SIMULATOR.close();
        MONGO.close();
    }

    @BeforeEach
    void subscribe() {
        status = new StatusTopic(consumerFactory);
    }

    @AfterEach
    void reset() {
        status.close();
        SIMULATOR.reset();
    }

    @Test
    void should_end_accepted_with_one_provider_job_when_the_account_is_full_for_more_deliveries_than_max_attempts() {
        // given: the account refuses the next creates for its parallel task limit
        for (int refusal = 0; refusal < REFUSALS; refusal++) {
            SIMULATOR.failNextCreate(KlingError.concurrencyLimit());
        }
        String taskId = StatusTopic.newTaskId();

        // when
        publisher.publish(Topics.submitted("kling"), submitted(taskId));

        // then
        TaskStatusReported accepted = status.awaitReport(taskId, ReportedOutcome.ACCEPTED);
        assertThat(SIMULATOR.createRequests()).filteredOn(create -> create.body().contains(taskId))
            .hasSize(REFUSALS + 1);
        assertThat(SIMULATOR.createdTaskCount()).as("exactly one provider job").isEqualTo(1);
        assertThat(SIMULATOR.taskIdForExternalId(taskId)).hasValue(accepted.getProviderTaskId());
        assertThat(status.find(taskId, ReportedOutcome.FAILED)).isEmpty();
        Document submission = submission(taskId);
        assertThat(submission.getString("state")).isEqualTo("accepted");
        assertThat(submission.getInteger("rate_limited_attempts")).isEqualTo(REFUSALS);
        assertThat(deadLetters(Topics.submitted("kling"))).as("nothing on the dead-letter topic").isZero();
    }

    @Test
    void should_end_cancelled_never_sent_when_a_task_waiting_its_turn_is_cancelled() {
        // given: a task the full account keeps refusing, past max-attempts
        for (int refusal = 0; refusal < 100_000; refusal++) {
            SIMULATOR.failNextCreate(KlingError.concurrencyLimit());
        }
        String taskId = StatusTopic.newTaskId();
        publisher.publish(Topics.submitted("kling"), submitted(taskId));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> SIMULATOR.createRequests().stream().filter(c -> c.body().contains(taskId)).count() > 3);

        // when
        publisher.publish(Topics.CANCEL,
                TaskCancelRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setTaskId(taskId)
                    .setOccurredAt(Instant.now())
                    .setTenantId("tenant-1")
                    .setProvider("kling")
                    .build());

        // then
        TaskStatusReported cancelled = status.awaitReport(taskId, ReportedOutcome.FAILED);
        assertThat(cancelled.getErrorCode()).isEqualTo("cancelled");
        assertThat(submission(taskId).getString("state")).isEqualTo("cancelled");
        long sent = SIMULATOR.createRequests().stream().filter(c -> c.body().contains(taskId)).count();
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(10))
            .until(() -> SIMULATOR.createRequests().stream().filter(c -> c.body().contains(taskId)).count() == sent);
        assertThat(SIMULATOR.createdTaskCount()).isZero();
        assertThat(deadLetters(Topics.submitted("kling"))).isZero();
    }

    private Document submission(String taskId) {
        Document submission = database.getCollection("submissions").find(new Document("_id", taskId)).first();
        assertThat(submission).isNotNull();
        return submission;
    }

    private long deadLetters(String topic) {
        try (Consumer<String, SpecificRecord> consumer = consumerFactory.createConsumer("it-dlt-" + UUID.randomUUID(),
                "-dlt")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic + Topics.DEAD_LETTER_SUFFIX)
                .stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static TaskSubmitted submitted(String taskId) {
        Instant now = Instant.now();
        return TaskSubmitted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(now)
            .setTenantId("tenant-1")
            .setModel("kling-v2")
            .setProvider("kling")
            .setProviderModel("kling-v2-master")
            .setInput("{\"prompt\":\"waits its turn\",\"duration\":5}")
            .setCallbackUrl(null)
            .setCreatedAt(now)
            .build();
    }

}
