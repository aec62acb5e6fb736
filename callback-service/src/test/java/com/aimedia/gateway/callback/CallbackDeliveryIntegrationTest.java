package com.aimedia.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.callback.WebhookReceiver.Answer;
import com.aimedia.gateway.callback.WebhookReceiver.Received;
import com.aimedia.gateway.callback.delivery.CallbackMetrics;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.platform.kafka.EventPublisher;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.standardwebhooks.Webhook;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole service against embedded Kafka, mongo-java-server and real HTTP receivers on
 * loopback: events published on tasks.changed become signed POSTs, with retries, stops,
 * supersession and refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=" + CallbackServiceApplication.CONFIG_NAME,
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.callback.allowed-networks=127.0.0.1/32",
                // every gap exceeds a second even with -20% jitter, so that retries carry
                // a different webhook-timestamp
                "gateway.callback.retry-schedule=1300ms,1300ms", "gateway.callback.min-throttle-backoff=20s",
                "gateway.callback.dispatch.tick=50ms", "gateway.callback.dispatch.lease=10s",
                "gateway.callback.http.connect-timeout=1s", "gateway.callback.http.request-timeout=3s" })
@EmbeddedKafka(partitions = 1, topics = Topics.CHANGED)
class CallbackDeliveryIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String TENANT = "tenant-it";

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    private static final WebhookReceiver RECEIVER = receiver("127.0.0.1");

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private SigningSecrets secrets;

    @Autowired
    private MongoDatabase mongoDatabase;

    @Autowired
    private MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
    }

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
        MONGO.close();
    }

    @Test
    void should_post_one_signed_webhook_per_version_with_the_event_body_byte_for_byte() throws Exception {
        // given
        String taskId = newTaskId();
        String path = "/hooks/" + taskId;
        TaskStatusChanged v1 = event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path));
        TaskStatusChanged v2 = event(taskId, 2, TaskStatus.IN_PROGRESS, RECEIVER.url(path));

        // when
        publisher.publish(Topics.CHANGED, v1);
        await().atMost(TIMEOUT).until(() -> RECEIVER.received(path).size() == 1);
        publisher.publish(Topics.CHANGED, v2);
        await().atMost(TIMEOUT).until(() -> RECEIVER.received(path).size() == 2);

        // then
        List<Received> posts = RECEIVER.received(path);
        Webhook verifier = new Webhook(secrets.currentSecret(TENANT));
        assertThat(posts.get(0).body()).isEqualTo(v1.getBody().getBytes(StandardCharsets.UTF_8));
        assertThat(posts.get(1).body()).isEqualTo(v2.getBody().getBytes(StandardCharsets.UTF_8));
        for (Received post : posts) {
            assertThatCode(() -> verifier.verify(post.bodyText(), post.headers())).doesNotThrowAnyException();
            assertThat(post.header("content-type")).isEqualTo("application/json");
            assertThat(post.header("user-agent")).isNotBlank();
        }
        assertThat(posts.get(0).header("webhook-id")).isNotEqualTo(posts.get(1).header("webhook-id"));
        await().atMost(TIMEOUT).until(() -> "delivered".equals(delivery(taskId, 2).getString("state")));
        assertThat(meterRegistry.find(CallbackMetrics.DELIVERIES)
            .tag(CallbackMetrics.OUTCOME, "delivered")
            .tag(CallbackMetrics.STATUS_CLASS, "2xx")
            .timer()).isNotNull();
        assertThat(meterRegistry.find(CallbackMetrics.BACKLOG).gauge()).isNotNull();
    }

    @Test
    void should_retry_with_the_same_webhook_id_and_fresh_timestamps_when_the_receiver_fails_twice() throws Exception {
        // given
        String taskId = newTaskId();
        String path = "/flaky/" + taskId;
        RECEIVER.script(path, new Answer(500, Map.of()), new Answer(500, Map.of()));

        // when
        publisher.publish(Topics.CHANGED, event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path)));

        // then
        await().atMost(TIMEOUT).until(() -> "delivered".equals(delivery(taskId, 1).getString("state")));
        List<Received> posts = RECEIVER.received(path);
        assertThat(posts).hasSize(3);
        assertThat(posts.stream().map(post -> post.header("webhook-id")).distinct()).hasSize(1);
        List<Long> timestamps = posts.stream().map(post -> Long.parseLong(post.header("webhook-timestamp"))).toList();
        assertThat(timestamps).isSorted().doesNotHaveDuplicates();
        Webhook verifier = new Webhook(secrets.currentSecret(TENANT));
        for (Received post : posts) {
            assertThatCode(() -> verifier.verify(post.bodyText(), post.headers())).doesNotThrowAnyException();
        }
        assertThat(attemptStatuses(delivery(taskId, 1))).containsExactly(500, 500, 200);
        assertThat(delivery(taskId, 1).getInteger("attempt_count")).isEqualTo(3);
    }

    @Test
    void should_stop_when_the_receiver_answers_410() throws Exception {
        String taskId = newTaskId();
        String path = "/gone/" + taskId;
        RECEIVER.script(path, new Answer(410, Map.of()));

        publisher.publish(Topics.CHANGED, event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path)));

        await().atMost(TIMEOUT).until(() -> "gone".equals(delivery(taskId, 1).getString("state")));
        assertThat(attemptStatuses(delivery(taskId, 1))).containsExactly(410);
        assertThat(delivery(taskId, 1).get("next_attempt_at")).isNull();
        assertThat(RECEIVER.received(path)).hasSize(1);
    }

    @Test
    void should_count_a_redirect_as_failure_without_following_it() throws Exception {
        // given
        String taskId = newTaskId();
        String path = "/redirect/" + taskId;
        String target = "/redirect-target/" + taskId;
        Answer redirect = new Answer(302, Map.of("Location", RECEIVER.url(target)));
        RECEIVER.script(path, redirect, redirect, redirect);

        // when
        publisher.publish(Topics.CHANGED, event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path)));

        // then: every attempt is a failure, the schedule runs out, the target is never
        // visited
        await().atMost(TIMEOUT).until(() -> "failed".equals(delivery(taskId, 1).getString("state")));
        assertThat(attemptStatuses(delivery(taskId, 1))).containsExactly(302, 302, 302);
        assertThat(RECEIVER.received(path)).hasSize(3);
        assertThat(RECEIVER.received(target)).isEmpty();
    }

    @Test
    void should_send_once_when_the_same_event_arrives_twice() throws Exception {
        // given
        String taskId = newTaskId();
        String path = "/dup/" + taskId;
        TaskStatusChanged v1 = event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path));

        // when: the duplicate is consumed before v2 (one partition, same key)
        publisher.publish(Topics.CHANGED, v1);
        publisher.publish(Topics.CHANGED, v1);
        await().atMost(TIMEOUT).until(() -> RECEIVER.received(path).size() == 1);
        TaskStatusChanged v2 = event(taskId, 2, TaskStatus.IN_PROGRESS, RECEIVER.url(path));
        publisher.publish(Topics.CHANGED, v2);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(delivery(taskId, 2).getString("state")));

        // then
        assertThat(RECEIVER.received(path)).extracting(Received::bodyText).containsExactly(v1.getBody(), v2.getBody());
        assertThat(delivery(taskId, 1).getInteger("attempt_count")).isEqualTo(1);
    }

    @Test
    void should_supersede_a_waiting_older_version_when_a_newer_version_arrives() throws Exception {
        // given: v1 failed once with 429 and waits for at least the throttle back-off
        String taskId = newTaskId();
        String path = "/supersede/" + taskId;
        RECEIVER.script(path, new Answer(429, Map.of()));
        TaskStatusChanged v1 = event(taskId, 1, TaskStatus.QUEUED, RECEIVER.url(path));
        publisher.publish(Topics.CHANGED, v1);
        await().atMost(TIMEOUT)
            .until(() -> delivery(taskId, 1).getInteger("attempt_count") == 1
                    && "pending".equals(delivery(taskId, 1).getString("state")));

        // when
        TaskStatusChanged v2 = event(taskId, 2, TaskStatus.COMPLETED, RECEIVER.url(path));
        publisher.publish(Topics.CHANGED, v2);

        // then
        await().atMost(TIMEOUT).until(() -> "delivered".equals(delivery(taskId, 2).getString("state")));
        assertThat(delivery(taskId, 1).getString("state")).isEqualTo("superseded");
        assertThat(RECEIVER.received(path)).extracting(Received::bodyText).containsExactly(v1.getBody(), v2.getBody());
    }

    @Test
    void should_refuse_a_url_outside_the_allowed_networks_without_connecting() throws Exception {
        // given: a private address, and a loopback address outside the allowlist on which
        // a receiver listens (it
        // listens on every local address: macOS has no 127.0.0.2 interface to bind)
        String privateTask = newTaskId();
        String loopbackTask = newTaskId();
        try (WebhookReceiver outside = new WebhookReceiver("0.0.0.0")) {

            // when
            publisher.publish(Topics.CHANGED, event(privateTask, 1, TaskStatus.QUEUED, "http://10.0.0.1:8080/hook"));
            publisher.publish(Topics.CHANGED,
                    event(loopbackTask, 1, TaskStatus.QUEUED, outside.url("/hook").replace("0.0.0.0", "127.0.0.2")));

            // then: failed at once, the reason in the attempt, no request reached the
            // receiver
            for (String taskId : List.of(privateTask, loopbackTask)) {
                await().atMost(TIMEOUT).until(() -> "failed".equals(delivery(taskId, 1).getString("state")));
                Document attempt = delivery(taskId, 1).getList("attempts", Document.class).getFirst();
                assertThat(attempt.getString("error_class")).isEqualTo("RejectedUrlException");
                assertThat(attempt.getString("error")).isNotBlank();
                assertThat(attempt.get("status")).isNull();
                assertThat(delivery(taskId, 1).getInteger("attempt_count")).isEqualTo(1);
            }
            assertThat(outside.received("/hook")).isEmpty();
        }
    }

    private Document delivery(String taskId, long version) {
        Document document = mongoDatabase.getCollection("deliveries")
            .find(Filters.eq("_id", taskId + ":" + version))
            .first();
        return document == null ? new Document() : document;
    }

    private static List<Integer> attemptStatuses(Document delivery) {
        return delivery.getList("attempts", Document.class)
            .stream()
            .map(attempt -> attempt.getInteger("status"))
            .toList();
    }

    private static TaskStatusChanged event(String taskId, long version, TaskStatus status, String callbackUrl) {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        Instant updated = created.plusSeconds(version);
        String body = "{\"id\":\"" + taskId + "\",\"status\":\"" + status.name().toLowerCase() + "\",\"created_at\":"
                + created.getEpochSecond() + ",\"model\":\"kling-v2\",\"note\":\"Jöhn ✓ 日本\",\"version\":" + version
                + ",\"updated_at\":" + updated.getEpochSecond() + "}";
        return TaskStatusChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTaskId(taskId)
            .setOccurredAt(updated)
            .setTenantId(TENANT)
            .setModel("kling-v2")
            .setProvider("kling")
            .setVersion(version)
            .setStatus(status)
            .setCreatedAt(created)
            .setUpdatedAt(updated)
            .setCallbackUrl(callbackUrl)
            .setBody(body)
            .build();
    }

    private static String newTaskId() {
        return "task_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static WebhookReceiver receiver(String address) {
        try {
            return new WebhookReceiver(address);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
