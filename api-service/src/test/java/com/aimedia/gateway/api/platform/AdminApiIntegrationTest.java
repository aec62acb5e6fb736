package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.aimedia.gateway.api.admin.cli.GatewayAdminAccess;

/**
 * Tenants and keys through the admin API and its CLI: credentials, scopes, revocation and
 * rotation on two replicas.
 */
class AdminApiIntegrationTest extends PlatformTestBase {

    @Test
    void should_refuse_admin_calls_when_the_admin_token_is_missing_wrong_or_a_tenant_key() throws Exception {
        // given
        String tenant = newTenantId("adm");
        createTenant(tenant, "");
        String tenantKey = newKey(tenant);

        // when / then
        assertProblem(call(replica1, "GET", "/admin/v1/tenants", null, null, Map.of()), 401, "admin_unauthorized");
        assertProblem(call(replica1, "GET", "/admin/v1/tenants", "wrong-token", null, Map.of()), 401,
                "admin_unauthorized");
        assertProblem(call(replica2, "GET", "/admin/v1/tenants", tenantKey, null, Map.of()), 401, "admin_unauthorized");
        assertProblem(call(replica1, "POST", "/admin/v1/tenants", tenantKey, "{\"id\":\"evil\"}", Map.of()), 401,
                "admin_unauthorized");
        assertProblem(get(replica1, "/v1/models", ADMIN_TOKEN), 401, "unauthorized");
        assertThat(admin(replica1, "GET", "/admin/v1/tenants/evil", null).statusCode()).isEqualTo(404);
    }

    @Test
    void should_create_list_and_update_tenants_and_name_the_field_of_a_bad_request() throws Exception {
        // given
        String tenant = newTenantId("team");

        // when
        createTenant(tenant, ",\"name\":\"Team A\",\"limits\":{\"requests_per_second\":10}");
        HttpResponse<String> duplicate = admin(replica2, "POST", "/admin/v1/tenants", "{\"id\":\"" + tenant + "\"}");
        HttpResponse<String> updated = admin(replica2, "PATCH", "/admin/v1/tenants/" + tenant,
                "{\"model_access\":{\"providers\":[\"kling\"]}}");

        // then
        assertProblem(duplicate, 409, "tenant_exists", "id");
        JsonNode shown = json.readTree(updated.body());
        assertThat(shown.get("name").asString()).isEqualTo("Team A");
        assertThat(shown.get("limits").get("requests_per_second").asInt()).isEqualTo(10);
        assertThat(shown.get("model_access").get("providers").get(0).asString()).isEqualTo("kling");
        assertThat(admin(replica1, "GET", "/admin/v1/tenants", null).body()).contains("\"id\":\"" + tenant + "\"");
        assertProblem(admin(replica1, "POST", "/admin/v1/tenants", "{\"id\":\"a:b\"}"), 400, "invalid_request", "id");
        assertProblem(admin(replica1, "POST", "/admin/v1/tenants", "{\"id\":\"ok-id\",\"plan\":\"gold\"}"), 400,
                "unknown_field", "plan");
        assertProblem(admin(replica1, "PATCH", "/admin/v1/tenants/" + tenant, "{\"limits\":{\"tasks_in_flight\":0}}"),
                400, "invalid_request", "limits.tasks_in_flight");
        assertProblem(admin(replica1, "PATCH", "/admin/v1/tenants/nobody", "{\"name\":\"x\"}"), 404,
                "tenant_not_found");
    }

    @Test
    void should_show_a_new_key_once_and_list_keys_without_secrets() throws Exception {
        // given
        String tenant = newTenantId("keys");
        createTenant(tenant, "");

        // when
        JsonNode created = createKey(tenant, "{\"name\":\"ci\"}");
        HttpResponse<String> listed = admin(replica2, "GET", "/admin/v1/tenants/" + tenant + "/keys", null);

        // then
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("sk_").hasSizeGreaterThan(40);
        assertThat(created.get("scopes").toString()).isEqualTo("[\"submit\",\"read\",\"webhooks-admin\"]");
        assertThat(listed.body()).contains(created.get("key_id").asString())
            .contains("\"name\":\"ci\"")
            .doesNotContain(secret)
            .doesNotContain("\"secret\"");
        assertThat(submit(replica2, secret, KLING).statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_an_endpoint_when_the_key_lacks_its_scope() throws Exception {
        // given
        String tenant = newTenantId("scopes");
        createTenant(tenant, "");
        String readOnly = createKey(tenant, "{\"name\":\"dashboard\",\"scopes\":[\"read\"]}").get("secret").asString();
        String submitOnly = createKey(tenant, "{\"name\":\"worker\",\"scopes\":[\"submit\"]}").get("secret").asString();

        // when / then
        assertProblem(submit(replica1, readOnly, KLING), 403, "insufficient_scope");
        assertThat(get(replica1, "/v1/models", readOnly).statusCode()).isEqualTo(200);
        assertThat(get(replica1, "/v1/tasks", readOnly).statusCode()).isEqualTo(200);
        assertProblem(get(replica1, "/v1/webhooks/secret", readOnly), 403, "insufficient_scope");
        assertProblem(call(replica1, "POST", "/v1/webhooks/secret/rotate", readOnly, null, Map.of()), 403,
                "insufficient_scope");
        assertThat(submit(replica1, submitOnly, KLING).statusCode()).isEqualTo(200);
        assertProblem(get(replica1, "/v1/tasks", submitOnly), 403, "insufficient_scope");
        assertProblem(admin(replica1, "POST", "/admin/v1/tenants/" + tenant + "/keys", "{\"scopes\":[\"root\"]}"), 400,
                "invalid_request", "scopes");
    }

    @Test
    void should_refuse_a_revoked_key_at_once_on_the_replica_that_revoked_it_and_within_the_cache_time_on_the_other()
            throws Exception {
        // given: both replicas have read the key
        String tenant = newTenantId("revoke");
        createTenant(tenant, "");
        JsonNode key = createKey(tenant, "{\"name\":\"leaked\"}");
        String secret = key.get("secret").asString();
        assertThat(get(replica1, "/v1/models", secret).statusCode()).isEqualTo(200);
        assertThat(get(replica2, "/v1/models", secret).statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> revoked = admin(replica1, "POST",
                "/admin/v1/tenants/" + tenant + "/keys/" + key.get("key_id").asString() + "/revoke", null);

        // then
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("revoked_at").asLong()).isPositive();
        assertProblem(get(replica1, "/v1/tasks", secret), 401, "unauthorized");
        // the other replica read the key less than gateway.api.api-key-cache (1s) ago
        assertThat(get(replica2, "/v1/models", secret).statusCode()).isEqualTo(200);
        TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(1));
        assertProblem(get(replica2, "/v1/models", secret), 401, "unauthorized");
        assertProblem(submit(replica2, secret, KLING), 401, "unauthorized");
    }

    @Test
    void should_not_let_one_tenant_path_reach_another_tenants_key() throws Exception {
        // given
        String owner = newTenantId("owner");
        String other = newTenantId("other");
        createTenant(owner, "");
        createTenant(other, "");
        JsonNode key = createKey(owner, "{\"name\":\"prod\"}");
        String path = "/admin/v1/tenants/" + other + "/keys/" + key.get("key_id").asString();

        // when / then
        assertProblem(admin(replica1, "POST", path + "/revoke", null), 404, "key_not_found");
        assertProblem(admin(replica1, "POST", path + "/rotate", null), 404, "key_not_found");
        assertProblem(admin(replica1, "PATCH", path, "{\"name\":\"mine\"}"), 404, "key_not_found");
        assertThat(get(replica1, "/v1/models", key.get("secret").asString()).statusCode()).isEqualTo(200);
        assertThat(admin(replica1, "GET", "/admin/v1/tenants/" + other + "/keys", null).body())
            .isEqualTo("{\"data\":[]}");
    }

    @Test
    void should_revoke_the_old_key_and_issue_a_working_successor_when_rotating() throws Exception {
        // given
        String tenant = newTenantId("rotate");
        createTenant(tenant, "");
        JsonNode old = createKey(tenant, "{\"name\":\"ingest\",\"scopes\":[\"submit\",\"read\"]}");
        String base = "/admin/v1/tenants/" + tenant + "/keys/";

        // when
        HttpResponse<String> rotated = admin(replica2, "POST", base + old.get("key_id").asString() + "/rotate", null);
        HttpResponse<String> again = admin(replica1, "POST", base + old.get("key_id").asString() + "/rotate", null);

        // then
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        JsonNode successor = json.readTree(rotated.body());
        assertThat(successor.get("name").asString()).isEqualTo("ingest");
        assertThat(successor.get("scopes").toString()).isEqualTo("[\"submit\",\"read\"]");
        assertProblem(get(replica1, "/v1/tasks", old.get("secret").asString()), 401, "unauthorized");
        assertThat(get(replica1, "/v1/tasks", successor.get("secret").asString()).statusCode()).isEqualTo(200);
        assertProblem(again, 409, "key_revoked");
        HttpResponse<String> renamed = admin(replica1, "PATCH", base + successor.get("key_id").asString(),
                "{\"name\":\"ingest-2\"}");
        assertThat(json.readTree(renamed.body()).get("name").asString()).isEqualTo("ingest-2");
        String listed = admin(replica1, "GET", "/admin/v1/tenants/" + tenant + "/keys", null).body();
        assertThat(listed).contains("\"rotated_to\":\"" + successor.get("key_id").asString() + "\"");
    }

    @Test
    void should_manage_tenants_and_keys_from_the_command_line() throws Exception {
        // given
        String tenant = newTenantId("cli");
        Map<String, String> env = Map.of("GATEWAY_API_ADMIN_TOKEN", ADMIN_TOKEN, "GATEWAY_ADMIN_URL",
                "http://localhost:" + replica2);

        // when
        Result createdTenant = cli(env, "tenants", "create", tenant, "--name", "CLI team", "--tasks-in-flight", "3");
        Result createdKey = cli(env, "keys", "create", tenant, "--name", "from cli", "--scopes", "read");
        Result listed = cli(env, "keys", "list", tenant);
        String keyId = json.readTree(createdKey.out()).get("key_id").asString();
        Result revoked = cli(env, "keys", "revoke", tenant, keyId);

        // then
        assertThat(createdTenant.code()).as(createdTenant.err()).isZero();
        assertThat(json.readTree(createdTenant.out()).get("limits").get("tasks_in_flight").asInt()).isEqualTo(3);
        assertThat(createdKey.code()).isZero();
        String secret = json.readTree(createdKey.out()).get("secret").asString();
        assertThat(listed.out()).contains(keyId).doesNotContain(secret);
        assertThat(revoked.code()).isZero();
        assertProblem(get(replica1, "/v1/tasks", secret), 401, "unauthorized");
        Result refused = cli(
                Map.of("GATEWAY_API_ADMIN_TOKEN", "wrong", "GATEWAY_ADMIN_URL", "http://localhost:" + replica1),
                "tenants", "list");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("admin_unauthorized");
        assertThat(cli(env, "tenants").code()).isEqualTo(2);
        assertThat(cli(env, "tenants", "create", "x", "--tasks-in-flight", "lots").code()).isEqualTo(2);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GatewayAdminAccess.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
