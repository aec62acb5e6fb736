package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Which models a tenant may run: providers, model ids and Replicate owners, at submit and
 * in the model list.
 */
class ModelAccessIntegrationTest extends PlatformTestBase {

    @Test
    void should_refuse_a_model_of_a_provider_the_tenant_may_not_use() throws Exception {
        // given
        String tenant = newTenantId("kling-only");
        createTenant(tenant, ",\"model_access\":{\"providers\":[\"kling\"]}");
        String key = newKey(tenant);

        // when / then
        assertThat(submit(replica1, key, KLING).statusCode()).isEqualTo(200);
        assertProblem(submit(replica2, key, "{\"model\":\"luma-ray-2\",\"input\":{\"prompt\":\"waves\"}}"), 403,
                "model_not_allowed", "model");
        String models = get(replica1, "/v1/models", key).body();
        assertThat(models).contains("\"kling-v2\"").doesNotContain("\"luma-ray-2\"");
    }

    @Test
    void should_run_only_the_allowed_replicate_owners_models() throws Exception {
        // given
        String tenant = newTenantId("replicate");
        createTenant(tenant, ",\"model_access\":{\"replicate_owners\":[\"Black-Forest-Labs\"]}");
        String key = newKey(tenant);

        // when / then
        assertThat(submit(replica1, key,
                "{\"model\":\"replicate/black-forest-labs/flux-schnell\",\"input\":{\"prompt\":\"a lighthouse\"}}")
            .statusCode()).isEqualTo(200);
        assertProblem(
                submit(replica1, key,
                        "{\"model\":\"replicate/someone-else/private-model\",\"input\":{\"prompt\":\"a lighthouse\"}}"),
                403, "model_not_allowed", "model");
        assertThat(submit(replica2, key, KLING).statusCode()).isEqualTo(200);
    }

    @Test
    void should_apply_a_model_allowlist_at_once_on_the_replica_that_changed_it_and_within_the_cache_time_on_the_other()
            throws Exception {
        // given: both replicas have read the tenant's settings
        String tenant = newTenantId("models");
        createTenant(tenant, "");
        String key = newKey(tenant);
        assertThat(submit(replica1, key, KLING).statusCode()).isEqualTo(200);
        assertThat(submit(replica2, key, KLING).statusCode()).isEqualTo(200);

        // when
        admin(replica1, "PATCH", "/admin/v1/tenants/" + tenant, "{\"model_access\":{\"models\":[\"veo-3\"]}}");

        // then: the replica that made the change at once, the other one once its cached
        // settings (gateway.api.tenant-settings-cache, 1s) are older than that
        assertProblem(submit(replica1, key, KLING), 403, "model_not_allowed", "model");
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));
        assertProblem(submit(replica2, key, KLING), 403, "model_not_allowed", "model");
        assertThat(submit(replica2, key, "{\"model\":\"veo-3\",\"input\":{\"prompt\":\"waves\"}}").statusCode())
            .isEqualTo(200);
    }

}
