package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.aimedia.gateway.schemas.EventDeserializer;
import com.aimedia.gateway.schemas.Topics;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * {@code metadata} and {@code webhook_events} on submit: echoed (sorted by key) in the
 * submit answer and in the queued answer of a task not stored yet on any replica, byte
 * for byte; carried on TaskSubmitted for the orchestrator; never shown to another tenant;
 * every bad value is a 400 naming the field.
 */
class TaskMetadataIntegrationTest extends PlatformTestBase {

    private static final String WITH_METADATA = "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a cat\"},"
            + "\"callback_url\":\"https://93.184.215.14/hooks\",\"metadata\":{\"order\":\"o-17\",\"customer\":\"c \\\"9\\\"\"},"
            + "\"webhook_events\":[\"completed\",\"failed\",\"completed\"]}";

    @Test
    void should_echo_the_metadata_in_the_submit_answer_and_the_queued_answer_of_every_replica() throws Exception {
        // given
        String tenant = newTenantId("meta");
        createTenant(tenant, "");
        String key = newKey(tenant);

        // when
        HttpResponse<String> submitted = submit(replica1, key, WITH_METADATA);
        String taskId = json.readTree(submitted.body()).get("id").asString();
        HttpResponse<String> early = get(replica2, "/v1/task/" + taskId, key);

        // then
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.body())
            .contains(",\"metadata\":{\"customer\":\"c \\\"9\\\"\",\"order\":\"o-17\"},\"version\":1,");
        assertThat(early.body()).isEqualTo(submitted.body());
        TaskSubmitted event = awaitSubmitted(taskId);
        assertThat(event.getMetadata())
            .containsExactlyInAnyOrderEntriesOf(Map.of("order", "o-17", "customer", "c \"9\""));
        assertThat(event.getWebhookEvents()).containsExactly("completed", "failed");
    }

    @Test
    void should_write_nothing_and_show_no_metadata_when_a_submit_has_none() throws Exception {
        String tenant = newTenantId("meta-none");
        createTenant(tenant, "");
        String key = newKey(tenant);

        String taskId = json.readTree(submit(replica1, key, KLING).body()).get("id").asString();

        assertThat(get(replica2, "/v1/task/" + taskId, key).body()).doesNotContain("metadata");
        assertThat(database.getCollection("task_metadata").countDocuments(new org.bson.Document("_id", taskId)))
            .isZero();
        assertThat(awaitSubmitted(taskId).getWebhookEvents()).isNull();
    }

    @Test
    void should_never_show_a_tasks_metadata_to_another_tenant() throws Exception {
        String owner = newTenantId("meta-owner");
        String intruder = newTenantId("meta-intruder");
        createTenant(owner, "");
        createTenant(intruder, "");
        String taskId = json.readTree(submit(replica1, newKey(owner), WITH_METADATA).body()).get("id").asString();

        HttpResponse<String> foreign = get(replica2, "/v1/task/" + taskId, newKey(intruder));

        assertProblem(foreign, 404, "task_not_found");
        assertThat(foreign.body()).doesNotContain("o-17");
    }

    @Test
    void should_refuse_bad_metadata_and_webhook_events_naming_the_field() throws Exception {
        String tenant = newTenantId("meta-bad");
        createTenant(tenant, "");
        String key = newKey(tenant);
        String hook = ",\"callback_url\":\"https://93.184.215.14/hooks\"";
        StringBuilder seventeen = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            seventeen.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }

        assertProblem(submit(replica1, key, body(",\"metadata\":[\"a\"]")), 400, "invalid_request", "metadata");
        assertProblem(submit(replica1, key, body(",\"metadata\":{" + seventeen + "}")), 400, "invalid_request",
                "metadata");
        assertProblem(submit(replica1, key, body(",\"metadata\":{\"" + "k".repeat(41) + "\":\"v\"}")), 400,
                "invalid_request", "metadata");
        assertProblem(submit(replica1, key, body(",\"metadata\":{\"n\":5}")), 400, "invalid_request", "metadata.n");
        assertProblem(submit(replica1, key, body(",\"metadata\":{\"long\":\"" + "v".repeat(513) + "\"}")), 400,
                "invalid_request", "metadata.long");
        assertProblem(submit(replica1, key, body(",\"metadata\":{\"tab\":\"a\\tb\"}")), 400, "invalid_request",
                "metadata.tab");
        assertProblem(submit(replica1, key, body(hook + ",\"webhook_events\":[\"completed\",\"done\"]")), 400,
                "invalid_request", "webhook_events[1]");
        assertProblem(submit(replica1, key, body(hook + ",\"webhook_events\":[]")), 400, "invalid_request",
                "webhook_events");
        assertProblem(submit(replica1, key, body(hook + ",\"webhook_events\":\"completed\"")), 400, "invalid_request",
                "webhook_events");
        assertProblem(submit(replica1, key, body(",\"webhook_events\":[\"completed\"]")), 400, "invalid_request",
                "webhook_events");
        assertThat(submit(replica1, key, body(",\"metadata\":{\"" + "k".repeat(40) + "\":\"" + "v".repeat(512) + "\"}"))
            .statusCode()).as("the limits themselves are allowed").isEqualTo(200);
    }

    private static String body(String extra) {
        return "{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"a cat\"}" + extra + "}";
    }

    private TaskSubmitted awaitSubmitted(String taskId) {
        List<TaskSubmitted> seen = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "metadata-it-" + taskId,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.submitted("kling"), 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(taskId)) {
                        seen.add((TaskSubmitted) record.value());
                    }
                });
                return !seen.isEmpty();
            });
        }
        return seen.getFirst();
    }

}
