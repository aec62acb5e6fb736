package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/tasks}: newest first, filters, cursor pages, and never another tenant's
 * task.
 */
class TaskListingIntegrationTest extends PlatformTestBase {

    private static final long T0 = 1_795_000_000_000L;

    @Test
    void should_page_newest_first_through_every_task_when_following_next_cursor() throws Exception {
        // given: five tasks, two of them in the same millisecond (the page key then falls
        // back to the id)
        String tenant = newTenantId("list");
        createTenant(tenant, "");
        String key = newKey(tenant);
        storeTask("task_a1", tenant, "kling-v2", "completed", T0);
        storeTask("task_a2", tenant, "kling-v2", "failed", T0 + 1000);
        storeTask("task_a3", tenant, "luma-ray-2", "in_progress", T0 + 2000);
        storeTask("task_a4", tenant, "kling-v2", "queued", T0 + 2000);
        storeTask("task_a5", tenant, "kling-v2", "completed", T0 + 3000);

        // when
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json.readTree(get(pages % 2 == 0 ? replica1 : replica2,
                    "/v1/tasks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), key)
                .body());
            page.get("data").forEach(task -> seen.add(task.get("id").asString()));
            cursor = page.get("has_more").asBoolean() ? page.get("next_cursor").asString() : null;
            pages++;
        }
        while (cursor != null);

        // then
        assertThat(seen).containsExactly("task_a5", "task_a4", "task_a3", "task_a2", "task_a1");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void should_answer_each_task_body_byte_for_byte_as_get_does() throws Exception {
        // given
        String tenant = newTenantId("body");
        createTenant(tenant, "");
        String key = newKey(tenant);
        storeTask("task_b1", tenant, "kling-v2", "completed", T0);

        // when
        HttpResponse<String> listed = get(replica1, "/v1/tasks", key);

        // then
        String view = database.getCollection("tasks")
            .find(new org.bson.Document("_id", "task_b1"))
            .first()
            .getString("view");
        assertThat(listed.headers().firstValue("Content-Type"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(listed.body()).isEqualTo("{\"object\":\"list\",\"data\":[" + view + "],\"has_more\":false}");
    }

    @Test
    void should_filter_by_status_model_and_created_range() throws Exception {
        // given
        String tenant = newTenantId("filter");
        createTenant(tenant, "");
        String key = newKey(tenant);
        storeTask("task_c1", tenant, "kling-v2", "completed", T0);
        storeTask("task_c2", tenant, "luma-ray-2", "failed", T0 + 10_000);
        storeTask("task_c3", tenant, "kling-v2", "failed", T0 + 20_000);
        storeTask("task_c4", tenant, "kling-v2", "queued", T0 + 30_000);

        // when / then
        assertThat(ids(get(replica1, "/v1/tasks?status=failed", key))).containsExactly("task_c3", "task_c2");
        assertThat(ids(get(replica1, "/v1/tasks?status=failed,queued&model=kling-v2", key))).containsExactly("task_c4",
                "task_c3");
        long from = (T0 + 10_000) / 1000;
        long to = (T0 + 30_000) / 1000;
        assertThat(ids(get(replica2, "/v1/tasks?created_after=" + from + "&created_before=" + to, key)))
            .containsExactly("task_c3", "task_c2");
    }

    @Test
    void should_never_list_another_tenants_tasks_even_with_its_cursor() throws Exception {
        // given
        String victim = newTenantId("victim");
        String attacker = newTenantId("attacker");
        createTenant(victim, "");
        createTenant(attacker, "");
        String victimKey = newKey(victim);
        String attackerKey = newKey(attacker);
        storeTask("task_v1", victim, "kling-v2", "completed", T0);
        storeTask("task_v2", victim, "kling-v2", "completed", T0 + 1000);
        storeTask("task_v3", victim, "kling-v2", "completed", T0 + 2000);
        storeTask("task_x1", attacker, "kling-v2", "completed", T0 - 5000);
        String victimCursor = json.readTree(get(replica1, "/v1/tasks?limit=1", victimKey).body())
            .get("next_cursor")
            .asString();

        // when
        List<String> attackerSees = ids(get(replica1, "/v1/tasks", attackerKey));
        List<String> withVictimCursor = ids(get(replica2, "/v1/tasks?cursor=" + victimCursor, attackerKey));

        // then
        assertThat(attackerSees).containsExactly("task_x1");
        assertThat(withVictimCursor).containsExactly("task_x1");
    }

    @Test
    void should_name_the_parameter_when_a_filter_is_invalid() throws Exception {
        // given
        String tenant = newTenantId("badq");
        createTenant(tenant, "");
        String key = newKey(tenant);

        // when / then
        assertProblem(get(replica1, "/v1/tasks?status=done", key), 400, "invalid_request", "status");
        assertProblem(get(replica1, "/v1/tasks?limit=0", key), 400, "invalid_request", "limit");
        assertProblem(get(replica1, "/v1/tasks?limit=101", key), 400, "invalid_request", "limit");
        assertProblem(get(replica1, "/v1/tasks?created_after=yesterday", key), 400, "invalid_request", "created_after");
        assertProblem(get(replica1, "/v1/tasks?cursor=not-a-cursor", key), 400, "invalid_request", "cursor");
        assertProblem(get(replica1, "/v1/tasks", "sk_unknown"), 401, "unauthorized");
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).get("data").forEach(task -> ids.add(task.get("id").asString()));
        return ids;
    }

}
