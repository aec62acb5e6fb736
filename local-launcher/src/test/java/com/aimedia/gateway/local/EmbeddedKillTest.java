package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report behind the "nothing lost" work, as a test: the embedded default (one
 * process: broker, MongoDB server, the four services) gets {@code kill -9} while tasks
 * over every provider are in flight, and starts again on the same data directory. The
 * simulators run in a process of their own here, standing for the providers, which
 * outlive the gateway; they count the jobs they were given. The gateway runs on the
 * launcher's runtime classpath alone, as the README's run command starts it.
 */
class EmbeddedKillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern MONGO_URI = Pattern.compile("MongoDB \\.+ (mongodb://\\S+)");

    @TempDir
    Path data;

    @Test
    void should_end_every_accepted_task_with_its_webhook_and_one_provider_job_when_the_whole_process_is_killed()
            throws Exception {
        // given
        int adminPort = FreePorts.find();
        Path simulatorsFile = data.resolve("simulators.args");
        String runtimeClasspath = ComponentProcess.launcherRuntimeClasspath();
        assertThat(runtimeClasspath).as("the runtime classpath must not contain test-only jars")
            .doesNotContain("junit-jupiter", "assertj-core", "awaitility");
        try (ComponentProcess simulators = new ComponentProcess("simulators", ComponentMain.class.getName(),
                List.of("simulators", simulatorsFile.toString(), String.valueOf(adminPort), "500", "1000"), "READY",
                data.resolve("logs"), Map.of()); WebhookReceiver receiver = new WebhookReceiver()) {
            simulators.start();
            // the gateway's fixed ports are found once the simulators hold theirs: a port
            // found free earlier could be taken by one of the simulators' servers
            int apiPort = FreePorts.find();
            Map<String, String> environment = new HashMap<>(Map.of("GATEWAY_PORT", String.valueOf(apiPort),
                    "GATEWAY_FILES_PORT", String.valueOf(FreePorts.find()), "GATEWAY_DEV_API_KEY",
                    FaultCluster.DEV_API_KEY, "GATEWAY_DATA_DIR", data.resolve("gateway").toString(),
                    "GATEWAY_SIMULATORS_FILE", simulatorsFile.toString()));
            try (ComponentProcess gateway = new ComponentProcess("gateway", LocalGateway.class.getName(), List.of(),
                    "Media task gateway is ready", data.resolve("logs"), environment, runtimeClasspath)) {
                killAndRelaunch(gateway, apiPort, adminPort, receiver);
            }
        }
    }

    private static void killAndRelaunch(ComponentProcess gateway, int apiPort, int adminPort, WebhookReceiver receiver)
            throws Exception {
        gateway.start();
        FaultWorkload workload = new FaultWorkload("http://127.0.0.1:" + apiPort, FaultCluster.DEV_API_KEY, receiver,
                () -> ProviderJobs.fetch(adminPort), () -> mongoUri(gateway));
        workload.warmUp();

        // when: by default 24 tasks and the kill once 10 are accepted; the reported
        // scenario is
        // -Dfault.tasks=300 -Dfault.at=300 -Dfault.delay=3s (the kill three seconds
        // after the last submit)
        int tasks = Integer.getInteger("fault.tasks", 24);
        int killAt = Integer.getInteger("fault.at", 10);
        Duration delay = Duration.parse("PT" + System.getProperty("fault.delay", "0s"));
        FaultWorkload.Result result = workload.run("kill -9 the whole embedded process (" + tasks + " tasks)", tasks,
                Duration.ofMillis(100), killAt, () -> {
                    FaultWorkload.sleep(delay);
                    gateway.kill();
                    FaultWorkload.sleep(FaultSuiteTest.DOWN_FOR);
                    gateway.start();
                }, Duration.ofSeconds(Math.max(180, tasks)));

        // then: the workload checked the guarantees
        FaultSuiteTest.record(result);
        assertThat(result.accepted()).isPositive();
        // and the relaunched gateway serves a new task's output for download
        GatewayClient client = new GatewayClient("http://127.0.0.1:" + apiPort, FaultCluster.DEV_API_KEY);
        HttpResponse<String> submitted = client
            .submit("{\"model\":\"flux-pro\",\"input\":{\"prompt\":\"a red fox in snow\"}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String taskId = JSON.readTree(submitted.body()).get("id").asString();
        JsonNode completed = await().atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> JSON.readTree(client.get(taskId).body()),
                    task -> !task.get("status").asString().matches("queued|in_progress"));
        assertThat(completed.get("status").asString()).as(completed.toString()).isEqualTo("completed");
        assertThat(client.download(completed.get("outputs").get(0).asString()).statusCode()).isEqualTo(200);
    }

    private static String mongoUri(ComponentProcess gateway) {
        Matcher matcher = MONGO_URI.matcher(gateway.output());
        if (!matcher.find()) {
            throw new IllegalStateException("the gateway did not print its MongoDB address");
        }
        return matcher.group(1);
    }

}
