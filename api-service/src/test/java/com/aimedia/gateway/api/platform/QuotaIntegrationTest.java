package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Requests per second and tasks in flight, per tenant and per key, counted in MongoDB and
 * so enforced across the two replicas together. The shared test clock keeps every request
 * of a test in one rate window until it is advanced.
 */
class QuotaIntegrationTest extends PlatformTestBase {

    @Test
    void should_answer_429_with_retry_after_when_a_tenant_exceeds_its_rate_across_replicas() throws Exception {
        // given
        String tenant = newTenantId("rate");
        createTenant(tenant, ",\"limits\":{\"requests_per_second\":3}");
        String key = newKey(tenant);
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));

        // when
        HttpResponse<String> first = get(replica1, "/v1/models", key);
        HttpResponse<String> second = get(replica2, "/v1/tasks", key);
        HttpResponse<String> third = get(replica1, "/v1/tasks", key);
        HttpResponse<String> fourth = get(replica2, "/v1/models", key);

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit")).contains("3");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).contains("2");
        assertThat(second.headers().firstValue("RateLimit-Remaining")).contains("1");
        assertThat(third.statusCode()).isEqualTo(200);
        assertProblem(fourth, 429, "rate_limited");
        assertThat(fourth.headers().firstValue("Retry-After")).contains("1");
        assertThat(fourth.headers().firstValue("RateLimit-Remaining")).contains("0");
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));
        assertThat(get(replica2, "/v1/models", key).statusCode()).isEqualTo(200);
    }

    @Test
    void should_limit_one_key_without_starving_the_tenants_other_keys() throws Exception {
        // given
        String tenant = newTenantId("keyrate");
        createTenant(tenant, ",\"limits\":{\"key_requests_per_second\":2}");
        String noisy = newKey(tenant);
        String quiet = newKey(tenant);
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));

        // when
        get(replica1, "/v1/tasks", noisy);
        get(replica2, "/v1/tasks", noisy);
        HttpResponse<String> third = get(replica1, "/v1/tasks", noisy);
        HttpResponse<String> other = get(replica2, "/v1/tasks", quiet);

        // then
        assertProblem(third, 429, "rate_limited");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Limit")).contains("2");
    }

    @Test
    void should_not_let_one_tenant_spend_another_tenants_rate() throws Exception {
        // given
        String busy = newTenantId("busy");
        String calm = newTenantId("calm");
        createTenant(busy, ",\"limits\":{\"requests_per_second\":1}");
        createTenant(calm, ",\"limits\":{\"requests_per_second\":1}");
        String busyKey = newKey(busy);
        String calmKey = newKey(calm);
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));

        // when
        get(replica1, "/v1/tasks", busyKey);
        HttpResponse<String> busyAgain = get(replica2, "/v1/tasks", busyKey);
        HttpResponse<String> calmFirst = get(replica2, "/v1/tasks", calmKey);

        // then
        assertProblem(busyAgain, 429, "rate_limited");
        assertThat(calmFirst.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_a_task_over_the_in_flight_limit_until_one_finishes() throws Exception {
        // given
        String tenant = newTenantId("inflight");
        createTenant(tenant, ",\"limits\":{\"tasks_in_flight\":2}");
        String key = newKey(tenant);
        String first = json.readTree(submit(replica1, key, KLING).body()).get("id").asString();
        assertThat(submit(replica2, key, KLING).statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> third = submit(replica2, key, KLING);
        storeTask(first, tenant, "kling-v2", "completed", TestClockConfiguration.CLOCK.millis());
        HttpResponse<String> afterOneFinished = submit(replica1, key, KLING);

        // then
        assertProblem(third, 429, "too_many_tasks_in_flight");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(afterOneFinished.statusCode()).as(afterOneFinished.body()).isEqualTo(200);
        assertProblem(submit(replica1, key, KLING), 429, "too_many_tasks_in_flight");
    }

    @Test
    void should_count_an_idempotent_replay_as_the_same_task_in_flight() throws Exception {
        // given
        String tenant = newTenantId("replay");
        createTenant(tenant, ",\"limits\":{\"tasks_in_flight\":1}");
        String key = newKey(tenant);
        Map<String, String> idempotency = Map.of("Idempotency-Key", "order-1");

        // when
        HttpResponse<String> original = call(replica1, "POST", "/v1/task/submit", key, KLING, idempotency);
        HttpResponse<String> replay = call(replica2, "POST", "/v1/task/submit", key, KLING, idempotency);

        // then
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode first = json.readTree(original.body());
        assertThat(json.readTree(replay.body()).get("id")).isEqualTo(first.get("id"));
        assertProblem(submit(replica2, key, KLING), 429, "too_many_tasks_in_flight");
    }

    @Test
    void should_limit_tasks_in_flight_per_key_when_the_tenant_sets_it() throws Exception {
        // given
        String tenant = newTenantId("keyflight");
        createTenant(tenant, ",\"limits\":{\"key_tasks_in_flight\":1}");
        String batch = newKey(tenant);
        String interactive = newKey(tenant);
        assertThat(submit(replica1, batch, KLING).statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> batchAgain = submit(replica2, batch, KLING);
        HttpResponse<String> interactiveFirst = submit(replica2, interactive, KLING);

        // then
        assertProblem(batchAgain, 429, "too_many_tasks_in_flight");
        assertThat(interactiveFirst.statusCode()).isEqualTo(200);
    }

    @Test
    void should_admit_exactly_the_limit_of_concurrent_submits_across_replicas() throws Exception {
        // given
        String tenant = newTenantId("burst");
        createTenant(tenant, ",\"limits\":{\"tasks_in_flight\":4}");
        String key = newKey(tenant);
        List<CompletableFuture<HttpResponse<String>>> submits = new ArrayList<>();

        // when
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                int port = i % 2 == 0 ? replica1 : replica2;
                submits.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return submit(port, key, KLING);
                    }
                    catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
        }

        // then
        List<Integer> statuses = submits.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(4);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(8);
        assertThat(database.getCollection("in_flight_counts").find(new Document("_id", tenant)).first())
            .extracting(counts -> counts.get("tasks"))
            .isEqualTo(4L);
    }

    @Test
    void should_count_the_slots_recorded_before_the_counters_existed() throws Exception {
        // given: two slots as an earlier version recorded them, without counters
        String tenant = newTenantId("legacy");
        createTenant(tenant, ",\"limits\":{\"tasks_in_flight\":2}");
        String key = newKey(tenant);
        for (String taskId : List.of("task_legacy_" + tenant + "_1", "task_legacy_" + tenant + "_2")) {
            database.getCollection("task_slots")
                .insertOne(new Document("_id", taskId).append("tenant_id", tenant)
                    .append("key_id", "key_legacy")
                    .append("created_at", new Date(TestClockConfiguration.CLOCK.millis())));
        }

        // when
        HttpResponse<String> atTheLimit = submit(replica1, key, KLING);
        storeTask("task_legacy_" + tenant + "_1", tenant, "kling-v2", "failed", TestClockConfiguration.CLOCK.millis());
        HttpResponse<String> afterOneFinished = submit(replica2, key, KLING);

        // then
        assertProblem(atTheLimit, 429, "too_many_tasks_in_flight");
        assertThat(afterOneFinished.statusCode()).as(afterOneFinished.body()).isEqualTo(200);
        assertProblem(submit(replica1, key, KLING), 429, "too_many_tasks_in_flight");
    }

}
