package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.bson.Document;

import com.aimedia.gateway.api.ApiServiceApplication;
import com.mongodb.client.MongoDatabase;
import com.standardwebhooks.Webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole task path, through the real services, Kafka and MongoDB: submit over HTTP,
 * watch GET move through the statuses, download the outputs, and check the signed
 * webhooks against what GET returned. Subclasses say where Kafka and MongoDB come from.
 */
abstract class EndToEndScenario {

    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The one gateway all tests of a concrete class share (JUnit makes one instance per
     * test method).
     */
    private static final Map<Class<?>, RunningGateway> GATEWAYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** How the gateway under test is started: where Kafka and MongoDB come from. */
    protected abstract LocalGatewayOptions options();

    protected RunningGateway gateway() {
        return GATEWAYS.computeIfAbsent(getClass(), type -> {
            try {
                return LocalGateway.start(options());
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stopGateways() {
        GATEWAYS.values().forEach(RunningGateway::close);
        GATEWAYS.clear();
    }

    private WebhookReceiver receiver;

    private GatewayClient client;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        client = new GatewayClient(gateway().apiBaseUrl(), gateway().devApiKey());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void should_complete_a_task_with_downloadable_outputs_and_signed_webhooks_when_submitted() throws Exception {
        // given
        String callbackUrl = receiver.url("/hook");

        // when
        HttpResponse<String> submitted = client.submit("""
                {"model":"kling-v2","input":{"prompt":"a red fox in snow"},"callback_url":"%s"}"""
            .formatted(callbackUrl));

        // then: answered at once, queued
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode queued = JSON.readTree(submitted.body());
        String taskId = queued.get("id").asString();
        assertThat(queued.get("status").asString()).isEqualTo("queued");
        assertThat(queued.get("created_at").asLong()).isPositive();

        // then: GET moves queued -> in_progress -> completed
        Map<String, String> bodiesByStatus = followUntilFinished(taskId);
        assertThat(bodiesByStatus.keySet()).containsExactly("queued", "in_progress", "completed");
        JsonNode completed = JSON.readTree(bodiesByStatus.get("completed"));
        assertThat(completed.get("id").asString()).isEqualTo(taskId);
        assertThat(completed.get("completed_at").asLong()).isGreaterThanOrEqualTo(queued.get("created_at").asLong());
        assertThat(completed.has("error")).isFalse();
        assertOutputsDownloadFromTheGateway(taskId, completed, "video/mp4");
        assertThat(completed.get("outputs_expire_at").asLong()).as("kept 30 days by default")
            .isEqualTo(completed.get("completed_at").asLong() + Duration.ofDays(30).toSeconds());

        // then: one signed POST per status change, each body byte for byte what GET
        // returned for that state
        await().atMost(TASK_TIMEOUT).until(() -> receiver.received().size() >= 3);
        List<WebhookReceiver.Received> webhooks = receiver.received();
        assertThat(webhooks).hasSize(3);
        Webhook verifier = new Webhook(gateway().webhookSigningSecret());
        List<String> statuses = new ArrayList<>();
        for (WebhookReceiver.Received webhook : webhooks) {
            verifier.verify(webhook.body(), webhook.headers());
            String status = JSON.readTree(webhook.body()).get("status").asString();
            statuses.add(status);
            // output links are signed per hour (gateway.storage.links.granularity): byte
            // for byte within one hour;
            // the signatures are left out so that a run across the full hour cannot fail
            assertThat(withoutLinkSignatures(webhook.body())).as("webhook body for %s", status)
                .isEqualTo(withoutLinkSignatures(bodiesByStatus.get(status)));
        }
        assertThat(statuses).containsExactly("queued", "in_progress", "completed");
        assertThat(webhooks.stream().map(webhook -> webhook.header("webhook-id")).distinct()).hasSize(3);
    }

    @Test
    void should_fail_the_task_with_an_actionable_error_when_the_provider_refuses_the_content() throws Exception {
        HttpResponse<String> submitted = client.submit("""
                {"model":"kling-v2","input":{"prompt":"[sim:content-policy] a red fox in snow"}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String taskId = JSON.readTree(submitted.body()).get("id").asString();

        Map<String, String> bodiesByStatus = followUntilFinished(taskId);

        JsonNode failed = JSON.readTree(bodiesByStatus.get("failed"));
        assertThat(failed.get("error").asString()).containsIgnoringCase("content");
        assertThat(failed.has("outputs")).isFalse();
        assertThat(failed.get("completed_at").asLong()).isPositive();
    }

    @Test
    void should_answer_404_when_another_tenant_asks_for_a_task() throws Exception {
        // given: a task of the dev tenant, and an API key of another tenant
        HttpResponse<String> submitted = client.submit("""
                {"model":"kling-v2","input":{"prompt":"a red fox in snow"}}""");
        String taskId = JSON.readTree(submitted.body()).get("id").asString();
        String otherKey = "sk_other_" + LocalGateway.randomToken(16);
        MongoDatabase database = gateway().service(ApiServiceApplication.class).getBean(MongoDatabase.class);
        database.getCollection("api_keys")
            .insertOne(new Document("_id", sha256Hex(otherKey)).append("tenant_id", "other-tenant")
                .append("name", "e2e")
                .append("created_at", new java.util.Date()));
        GatewayClient otherTenant = new GatewayClient(gateway().apiBaseUrl(), otherKey);

        // when / then: before and after the orchestrator stored it, the other tenant
        // never sees it
        assertThat(otherTenant.get(taskId).statusCode()).isEqualTo(404);
        followUntilFinished(taskId);
        assertThat(otherTenant.get(taskId).statusCode()).isEqualTo(404);
        assertThat(new GatewayClient(gateway().apiBaseUrl(), "sk_unknown").get(taskId).statusCode()).isEqualTo(401);
    }

    @Test
    void should_cancel_the_prediction_at_replicate_and_send_only_the_filtered_webhook_when_a_running_task_is_cancelled()
            throws Exception {
        // given: a Replicate task the provider is running (and would run for half an
        // hour)
        com.aimedia.gateway.simulators.ProviderSimulator replicate = gateway().simulator("replicate").orElseThrow();
        long cancelledBefore = replicate.jobsCancelled();
        HttpResponse<String> submitted = client.submit("""
                {"model":"replicate/black-forest-labs/flux-schnell","input":{"prompt":"[sim:long-running] a fox"},
                 "callback_url":"%s","metadata":{"order":"o-1"},"webhook_events":["completed","failed"]}"""
            .formatted(receiver.url("/cancel")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String taskId = JSON.readTree(submitted.body()).get("id").asString();
        await().atMost(TASK_TIMEOUT)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> JSON.readTree(client.get(taskId).body()).get("status").asString().equals("in_progress"));

        // when
        HttpResponse<String> cancelled = client.cancel(taskId);

        // then: the task ends cancelled, its final webhook says so, and Replicate stopped
        // the prediction
        assertThat(cancelled.statusCode()).as(cancelled.body()).isIn(200, 202);
        Map<String, String> bodiesByStatus = followUntilFinished(taskId);
        JsonNode failed = JSON.readTree(bodiesByStatus.get("failed"));
        assertThat(failed.get("error_code").asString()).isEqualTo("cancelled");
        await().atMost(TASK_TIMEOUT).until(() -> replicate.jobsCancelled() == cancelledBefore + 1);
        await().atMost(TASK_TIMEOUT)
            .until(() -> receiver.received()
                .stream()
                .anyMatch(webhook -> webhook.body().contains("\"error_code\":\"cancelled\"")));
        assertThat(client.cancel(taskId).statusCode()).as("a cancel after the end").isEqualTo(409);
        // then: the webhook filter let only the final status through, and every body
        // echoes the metadata
        assertThat(failed.get("metadata").get("order").asString()).isEqualTo("o-1");
        assertThat(receiver.received()).singleElement()
            .satisfies(webhook -> assertThat(JSON.readTree(webhook.body()).get("metadata").get("order").asString())
                .isEqualTo("o-1"));
    }

    @Test
    void should_print_an_admin_token_that_the_admin_api_accepts() throws Exception {
        String adminToken = gateway().adminToken();

        HttpResponse<String> tenants = new GatewayClient(gateway().apiBaseUrl(), adminToken).adminTenants();

        assertThat(gateway().banner()).contains(adminToken).contains("/admin/v1/tenants");
        assertThat(tenants.statusCode()).as(tenants.body()).isEqualTo(200);
        assertThat(client.adminTenants().statusCode()).as("a tenant API key on the admin API").isEqualTo(401);
    }

    /**
     * Every metric an alert rule or a dashboard panel queries is published by some
     * service, once a task has gone the whole way (timers and tagged counters appear on
     * first use).
     */
    @Test
    void should_publish_every_metric_the_alerts_and_the_dashboard_query_when_a_task_went_the_whole_way()
            throws Exception {
        // given
        HttpResponse<String> submitted = client.submit("""
                {"model":"kling-v2","input":{"prompt":"metrics"},"callback_url":"%s"}""".formatted(receiver.url("/m")));
        followUntilFinished(JSON.readTree(submitted.body()).get("id").asString());
        await().atMost(TASK_TIMEOUT).until(() -> receiver.received().size() >= 3);

        // when
        java.util.Set<String> published = new java.util.TreeSet<>(MonitoringQueries.SYNTHETIC);
        for (Class<?> service : List.of(ApiServiceApplication.class,
                com.aimedia.gateway.orchestrator.OrchestratorApplication.class,
                com.aimedia.gateway.workers.ProviderWorkersApplication.class,
                com.aimedia.gateway.callback.CallbackServiceApplication.class)) {
            published.addAll(MonitoringQueries.publishedNames(gateway().service(service)));
        }

        // then
        for (String expression : MonitoringQueries.alertExpressions()) {
            assertThat(MonitoringQueries.metricNames(expression)).as("alert %s", expression).isSubsetOf(published);
        }
        for (String expression : MonitoringQueries.dashboardExpressions()) {
            assertThat(MonitoringQueries.metricNames(expression)).as("panel %s", expression).isSubsetOf(published);
        }
    }

    private static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Every provider's cases: all tasks are submitted first, so they run at the same time
     * through the gateway (as real traffic does, and in a fraction of the time); then
     * each case follows its task to the end.
     */
    @TestFactory
    Stream<DynamicTest> should_end_each_provider_case_as_expected_when_run_through_the_whole_path() throws Exception {
        Map<ProviderCase, String> taskIds = new LinkedHashMap<>();
        for (ProviderCase providerCase : ProviderCase.all()) {
            String body = JSON.writeValueAsString(
                    JSON.createObjectNode().put("model", providerCase.model()).set("input", providerCase.input()));
            HttpResponse<String> submitted = client.submit(body);
            assertThat(submitted.statusCode()).as("%s: %s", providerCase, submitted.body()).isEqualTo(200);
            taskIds.put(providerCase, JSON.readTree(submitted.body()).get("id").asString());
        }
        return taskIds.entrySet()
            .stream()
            .map(entry -> DynamicTest.dynamicTest(entry.getKey().toString(),
                    () -> assertFinishedAsExpected(entry.getKey(), entry.getValue())));
    }

    private void assertFinishedAsExpected(ProviderCase providerCase, String taskId) throws Exception {
        Map<String, String> bodiesByStatus = followUntilFinished(taskId);

        assertThat(bodiesByStatus).as("statuses seen").containsKey(providerCase.expect());
        JsonNode finished = JSON.readTree(bodiesByStatus.get(providerCase.expect()));
        if (providerCase.expect().equals("completed")) {
            assertOutputsDownloadFromTheGateway(taskId, finished, providerCase.contentType());
        }
        else {
            assertThat(finished.get("error").asString()).containsIgnoringCase(providerCase.errorContains());
            assertThat(finished.get("error").asString()).doesNotContainIgnoringCase("secret");
        }
    }

    /**
     * A completed task has outputs, each a signed gateway URL that downloads without any
     * provider credential, with its media type (when the case names one), its length,
     * {@code nosniff} and a download name.
     */
    private void assertOutputsDownloadFromTheGateway(String taskId, JsonNode completed, @Nullable String contentType) {
        assertThat(completed.get("outputs").isEmpty()).as("outputs").isFalse();
        for (JsonNode output : completed.get("outputs")) {
            assertThat(output.asString()).as("served by the gateway with a signed, expiring URL")
                .contains("/files/r30/" + taskId + "/")
                .contains("signature=");
            HttpResponse<byte[]> download = client.download(output.asString());
            assertThat(download.statusCode()).as("download %s", output).isEqualTo(200);
            assertThat(download.body()).isNotEmpty();
            assertThat(download.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(download.body().length));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    disposition -> assertThat(disposition).startsWith("inline; filename=\"" + taskId + "-"));
            if (contentType != null) {
                assertThat(download.headers().firstValue("Content-Type")).hasValue(contentType);
            }
        }
    }

    private static String withoutLinkSignatures(String body) {
        return body.replaceAll("\\?expires=\\d+&signature=[A-Za-z0-9_-]+", "?expires=&signature=");
    }

    /**
     * GETs the task every 50 ms until it is finished; returns the body seen for each
     * status, in order.
     */
    private Map<String, String> followUntilFinished(String taskId) {
        Map<String, String> bodiesByStatus = new LinkedHashMap<>();
        await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> response = client.get(taskId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String status = JSON.readTree(response.body()).get("status").asString();
            // the body of a state can gain nothing later: keep the newest seen for that
            // state
            bodiesByStatus.put(status, response.body());
            return status.equals("completed") || status.equals("failed");
        });
        return bodiesByStatus;
    }

}
