package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A task's status history, one model by id, and a submit that waits for the result
 * ({@code Prefer: wait}).
 */
class TaskDetailsIntegrationTest extends PlatformTestBase {

    @Test
    void should_answer_the_status_history_with_a_time_per_transition() throws Exception {
        // given
        String tenant = newTenantId("events");
        createTenant(tenant, "");
        String key = newKey(tenant);
        String other = newTenantId("events-other");
        createTenant(other, "");
        String otherKey = newKey(other);
        JsonNode queued = json.readTree(submit(replica1, key, KLING).body());
        String taskId = queued.get("id").asString();
        long created = queued.get("created_at").asLong();

        // when
        HttpResponse<String> beforeStored = get(replica2, "/v1/task/" + taskId + "/events", key);
        storeTask(taskId, tenant, "kling-v2", "failed", created * 1000);
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId),
                    new Document("$set", new Document("status_history", List.of(history("queued", created, 1),
                            history("in_progress", created + 4, 2), history("failed", created + 9, 3)))));
        HttpResponse<String> afterStored = get(replica1, "/v1/task/" + taskId + "/events", key);

        // then
        assertThat(beforeStored.body()).isEqualTo("{\"object\":\"list\",\"task_id\":\"" + taskId
                + "\",\"data\":[{\"status\":\"queued\",\"at\":" + created + ",\"version\":1}]}");
        JsonNode events = json.readTree(afterStored.body()).get("data");
        assertThat(events).hasSize(3);
        assertThat(events.get(1).get("status").asString()).isEqualTo("in_progress");
        assertThat(events.get(1).get("at").asLong()).isEqualTo(created + 4);
        assertThat(events.get(2).get("status").asString()).isEqualTo("failed");
        assertProblem(get(replica1, "/v1/task/" + taskId + "/events", otherKey), 404, "task_not_found");
        assertProblem(get(replica1, "/v1/task/task_forged/events", key), 404, "task_not_found");
    }

    @Test
    void should_answer_the_current_status_when_a_task_was_stored_before_history_was_recorded() throws Exception {
        // given
        String tenant = newTenantId("legacy");
        createTenant(tenant, "");
        String key = newKey(tenant);
        JsonNode queued = json.readTree(submit(replica1, key, KLING).body());
        String taskId = queued.get("id").asString();
        long created = queued.get("created_at").asLong();
        storeTask(taskId, tenant, "kling-v2", "completed", created * 1000);
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId), new Document("$set",
                    new Document("updated_at", new Date((created + 7) * 1000)).append("version", 3L)));

        // when
        JsonNode events = json.readTree(get(replica2, "/v1/task/" + taskId + "/events", key).body()).get("data");

        // then
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("status").asString()).isEqualTo("queued");
        assertThat(events.get(0).get("at").asLong()).isEqualTo(created);
        assertThat(events.get(1).get("status").asString()).isEqualTo("completed");
        assertThat(events.get(1).get("at").asLong()).isEqualTo(created + 7);
    }

    @Test
    void should_answer_one_model_by_id_within_the_tenants_model_access() throws Exception {
        // given
        String open = newTenantId("models-open");
        createTenant(open, "");
        String openKey = newKey(open);
        String restricted = newTenantId("models-kling");
        createTenant(restricted, ",\"model_access\":{\"providers\":[\"kling\"]}");
        String restrictedKey = newKey(restricted);

        // when
        HttpResponse<String> kling = get(replica1, "/v1/models/kling-v2", openKey);
        HttpResponse<String> replicate = get(replica2, "/v1/models/replicate/black-forest-labs/flux-schnell", openKey);

        // then
        assertThat(json.readTree(kling.body()).get("provider").asString()).isEqualTo("kling");
        assertThat(json.readTree(kling.body()).get("input_schema").isObject()).isTrue();
        assertThat(json.readTree(replicate.body()).get("id").asString())
            .isEqualTo("replicate/black-forest-labs/flux-schnell");
        assertProblem(get(replica1, "/v1/models/no-such-model", openKey), 404, "model_not_found");
        assertProblem(get(replica1, "/v1/models/luma-ray-2", restrictedKey), 404, "model_not_found");
        assertThat(get(replica1, "/v1/models/kling-v2", restrictedKey).statusCode()).isEqualTo(200);
    }

    @Test
    void should_answer_the_finished_task_when_it_finishes_within_prefer_wait() throws Exception {
        // given
        String tenant = newTenantId("wait");
        createTenant(tenant, "");
        String key = newKey(tenant);

        // when
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return call(replica1, "POST", "/v1/task/submit", key, KLING,
                        Map.of("Prefer", "wait=30", "Idempotency-Key", "wait-1"));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String taskId = await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document claim = database.getCollection("idempotency_keys")
                .find(new Document("_id", tenant + ":wait-1"))
                .first();
            return claim == null ? null : claim.getString("task_id");
        }, id -> id != null);
        storeTask(taskId, tenant, "kling-v2", "completed", TestClockConfiguration.CLOCK.millis());
        HttpResponse<String> answer = waiting.get();

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Preference-Applied")).contains("wait=30");
        String view = database.getCollection("tasks").find(new Document("_id", taskId)).first().getString("view");
        assertThat(answer.body()).isEqualTo(view).contains("\"status\":\"completed\"");
    }

    @Test
    void should_answer_queued_as_usual_when_the_task_does_not_finish_within_prefer_wait() throws Exception {
        // given
        String tenant = newTenantId("nowait");
        createTenant(tenant, "");
        String key = newKey(tenant);

        // when
        HttpResponse<String> answer = call(replica2, "POST", "/v1/task/submit", key, KLING, Map.of("Prefer", "wait=1"));

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).matches("\\{\"id\":\"task_[0-9a-v]+\",\"status\":\"queued\",\"created_at\":(\\d+),"
                + "\"version\":1,\"updated_at\":\\1}");
        assertProblem(call(replica2, "POST", "/v1/task/submit", key, KLING, Map.of("Prefer", "wait=61")), 400,
                "invalid_request", "Prefer");
        assertProblem(call(replica2, "POST", "/v1/task/submit", key, KLING, Map.of("Prefer", "respond-async, wait=0")),
                400, "invalid_request", "Prefer");
        assertThat(
                call(replica2, "POST", "/v1/task/submit", key, KLING, Map.of("Prefer", "respond-async")).statusCode())
            .isEqualTo(200);
    }

    private static Document history(String status, long atSeconds, long version) {
        return new Document("status", status).append("at", new Date(atSeconds * 1000)).append("version", version);
    }

}
