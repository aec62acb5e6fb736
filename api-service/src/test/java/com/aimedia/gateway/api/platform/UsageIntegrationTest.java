package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/usage}: by model and by day, only the caller's tasks, only the range
 * asked.
 */
class UsageIntegrationTest extends PlatformTestBase {

    private static final long DAY1 = 1_795_000_000_000L;

    private static final long DAY2 = DAY1 + 86_400_000L;

    @Test
    void should_count_tasks_by_status_and_outputs_by_kind_per_model_and_per_day() throws Exception {
        // given
        String tenant = newTenantId("usage");
        String other = newTenantId("usage-other");
        createTenant(tenant, "");
        createTenant(other, "");
        String key = newKey(tenant);
        storeTask("task_u1", tenant, "kling-v2", "completed", DAY1);
        outputs("task_u1", 1);
        storeTask("task_u2", tenant, "kling-v2", "failed", DAY1 + 1000);
        storeTask("task_u3", tenant, "flux-pro", "completed", DAY2);
        outputs("task_u3", 2);
        storeTask("task_u4", tenant, "flux-pro", "in_progress", DAY2 + 1000);
        storeTask("task_u5", other, "flux-pro", "completed", DAY2);
        outputs("task_u5", 4);
        storeTask("task_u6", tenant, "flux-pro", "completed", DAY2 + 2 * 86_400_000L);
        long from = DAY1 / 1000;
        long to = (DAY2 + 86_400_000L) / 1000;

        // when
        JsonNode byModel = json.readTree(get(replica1, "/v1/usage?from=" + from + "&to=" + to, key).body());
        JsonNode byDay = json
            .readTree(get(replica2, "/v1/usage?from=" + from + "&to=" + to + "&group_by=day", key).body());

        // then
        assertThat(byModel.get("data")).hasSize(2);
        JsonNode flux = byModel.get("data").get(0);
        assertThat(flux.get("key").asString()).isEqualTo("flux-pro");
        assertThat(flux.get("tasks").asLong()).isEqualTo(2);
        assertThat(flux.get("images").asLong()).isEqualTo(2);
        assertThat(flux.get("by_status").get("in_progress").asLong()).isEqualTo(1);
        JsonNode kling = byModel.get("data").get(1);
        assertThat(kling.get("videos").asLong()).isEqualTo(1);
        assertThat(kling.get("by_status").get("failed").asLong()).isEqualTo(1);
        assertThat(byDay.get("data")).extracting(day -> day.get("key").asString())
            .containsExactly(java.time.Instant.ofEpochMilli(DAY1).toString().substring(0, 10),
                    java.time.Instant.ofEpochMilli(DAY2).toString().substring(0, 10));
        assertProblem(get(replica1, "/v1/usage?from=" + to + "&to=" + from, key), 400, "invalid_request", "to");
        assertProblem(get(replica1, "/v1/usage?to=" + to, key), 400, "invalid_request", "from");
        assertProblem(get(replica1, "/v1/usage?from=" + from + "&to=" + to + "&group_by=tenant", key), 400,
                "invalid_request", "group_by");
    }

    @Test
    void should_sum_the_requested_video_seconds_of_completed_videos_and_count_those_without_a_duration()
            throws Exception {
        // given: video_seconds as the orchestrator stores it from TaskSubmitted (the
        // request's duration)
        String tenant = newTenantId("usage-seconds");
        createTenant(tenant, "");
        String key = newKey(tenant);
        storeTask("task_s1", tenant, "kling-v2", "completed", DAY1);
        outputs("task_s1", 1);
        videoSeconds("task_s1", 10);
        storeTask("task_s2", tenant, "kling-v2", "completed", DAY1 + 1000);
        outputs("task_s2", 1);
        videoSeconds("task_s2", 5);
        storeTask("task_s3", tenant, "kling-v2", "completed", DAY1 + 2000);
        outputs("task_s3", 1);
        storeTask("task_s4", tenant, "kling-v2", "failed", DAY1 + 3000);
        videoSeconds("task_s4", 10);

        // when
        JsonNode usage = json
            .readTree(get(replica1, "/v1/usage?from=" + DAY1 / 1000 + "&to=" + DAY2 / 1000, key).body())
            .get("data")
            .get(0);

        // then: only completed videos count, the failed task's request does not
        assertThat(usage.get("videos").asLong()).isEqualTo(3);
        assertThat(usage.get("video_seconds").asLong()).isEqualTo(15);
        assertThat(usage.get("videos_without_duration").asLong()).isEqualTo(1);
    }

    private void videoSeconds(String taskId, int seconds) {
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId), new Document("$set", new Document("video_seconds", seconds)));
    }

    private void outputs(String taskId, int count) {
        List<String> urls = java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> "https://files/" + taskId + "/" + i)
            .toList();
        database.getCollection("tasks")
            .updateOne(new Document("_id", taskId), new Document("$set", new Document("outputs", urls)));
    }

}
