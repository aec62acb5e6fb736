package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default keeps its data: after a stop and a start on the same data
 * directory, a finished task reads the same, its output still downloads, and the dev
 * tenant keeps its webhook secret.
 */
class RestartEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void should_keep_tasks_outputs_and_secrets_when_the_embedded_default_restarts() throws Exception {
        // given: a finished task on a gateway with a data directory
        LocalGatewayOptions options = new LocalGatewayOptions(0, FreePorts.find(), "sk_dev_restart", data,
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(500), null, null, null, Map.of());
        String taskId;
        String finished;
        String secret;
        try (RunningGateway gateway = LocalGateway.start(options)) {
            GatewayClient client = new GatewayClient(gateway.apiBaseUrl(), gateway.devApiKey());
            HttpResponse<String> submitted = client
                .submit("{\"model\":\"kling-v2\",\"input\":{\"prompt\":\"keep me\"}}");
            taskId = JSON.readTree(submitted.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.get(taskId).body().contains("\"status\":\"completed\""));
            finished = client.get(taskId).body();
            secret = gateway.webhookSigningSecret();
        }

        // when
        try (RunningGateway restarted = LocalGateway.start(options)) {
            GatewayClient client = new GatewayClient(restarted.apiBaseUrl(), restarted.devApiKey());

            // then
            assertThat(client.get(taskId).body()).isEqualTo(finished);
            JsonNode output = JSON.readTree(finished).get("outputs").get(0);
            assertThat(client.download(output.asString()).statusCode()).isEqualTo(200);
            assertThat(restarted.webhookSigningSecret()).isEqualTo(secret);
        }
    }

}
