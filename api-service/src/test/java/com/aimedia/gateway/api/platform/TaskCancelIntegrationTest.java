package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;

/**
 * {@code POST /v1/task/{id}/cancel} against both replicas: the cancel request reaches
 * Kafka for the orchestrator (the test plays the orchestrator's part by storing the
 * failed task), and every refusal is a clear problem.
 */
class TaskCancelIntegrationTest extends PlatformTestBase {

    @Test
    void should_publish_the_cancel_and_answer_the_failed_task_when_it_ends_in_time() throws Exception {
        // given
        String tenant = newTenantId("cancel");
        createTenant(tenant, "");
        String key = newKey(tenant);
        String taskId = json.readTree(submit(replica1, key, KLING).body()).get("id").asString();
        storeTask(taskId, tenant, "kling-v2", "in_progress", TestClockConfiguration.CLOCK.millis());
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId), new Document("$set", new Document("provider", "kling")));
        String failedView = "{\"id\":\"" + taskId + "\",\"status\":\"failed\",\"created_at\":1,\"completed_at\":2,"
                + "\"error\":\"The task was cancelled by its owner.\",\"error_code\":\"cancelled\",\"retryable\":false,"
                + "\"version\":3,\"updated_at\":2}";

        // when
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return call(replica2, "POST", "/v1/task/" + taskId + "/cancel", key, null, Map.of());
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        TaskCancelRequested event = awaitCancel(taskId);
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId),
                    new Document("$set", new Document("status", "failed").append("view", failedView)));

        // then
        assertThat(event.getTenantId()).isEqualTo(tenant);
        assertThat(event.getProvider()).isEqualTo("kling");
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).isEqualTo(failedView);
        assertProblem(call(replica1, "POST", "/v1/task/" + taskId + "/cancel", key, null, Map.of()), 409,
                "task_already_finished");
    }

    @Test
    void should_refuse_a_cancel_of_another_tenants_task_an_unstored_task_and_a_read_only_key() throws Exception {
        // given
        String owner = newTenantId("cancel-owner");
        String intruder = newTenantId("cancel-intruder");
        createTenant(owner, "");
        createTenant(intruder, "");
        String ownerKey = newKey(owner);
        String intruderKey = newKey(intruder);
        String readOnly = createKey(owner, "{\"name\":\"ro\",\"scopes\":[\"read\"]}").get("secret").asString();
        String taskId = json.readTree(submit(replica1, ownerKey, KLING).body()).get("id").asString();

        // when
        HttpResponse<String> notStoredYet = call(replica1, "POST", "/v1/task/" + taskId + "/cancel", ownerKey, null,
                Map.of());
        storeTask(taskId, owner, "kling-v2", "queued", TestClockConfiguration.CLOCK.millis());

        // then
        assertProblem(notStoredYet, 409, "task_not_cancellable_yet");
        assertThat(notStoredYet.headers().firstValue("Retry-After")).contains("1");
        assertProblem(call(replica2, "POST", "/v1/task/" + taskId + "/cancel", intruderKey, null, Map.of()), 404,
                "task_not_found");
        assertProblem(call(replica2, "POST", "/v1/task/" + taskId + "/cancel", readOnly, null, Map.of()), 403,
                "insufficient_scope");
        assertProblem(call(replica2, "POST", "/v1/task/task_00000000/cancel", ownerKey, null, Map.of()), 404,
                "task_not_found");
        assertThat(json.readTree(get(replica1, "/v1/task/" + taskId, ownerKey).body()).get("status").asString())
            .isEqualTo("queued");
    }

    private TaskCancelRequested awaitCancel(String taskId) {
        List<TaskCancelRequested> seen = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "cancel-it-" + taskId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            // assigned, not subscribed: no group join to wait for while the cancel
            // request is being held
            consumer.assign(List.of(new TopicPartition(Topics.CANCEL, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(taskId)) {
                        seen.add((TaskCancelRequested) record.value());
                    }
                });
                return !seen.isEmpty();
            });
        }
        return seen.getFirst();
    }

}
