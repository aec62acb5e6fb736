package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run command ({@code mvn -pl local-launcher spring-boot:run}) runs the
 * launcher on its runtime classpath, without the test-scoped dependencies every other
 * test here has. A dependency that only the tests brought (snakeyaml once: the services
 * could not read their yml) broke that command with every test passing. This test starts
 * the launcher's main on the runtime classpath alone (written by the dependency plugin,
 * see the pom) and takes one task through all four services.
 */
class RuntimeClasspathTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern API_BASE_URL = Pattern.compile("API base URL \\.+ (http://\\S+)");

    private static final String DEV_KEY = "sk_dev_runtime_classpath_test";

    @TempDir
    Path data;

    @Test
    void should_start_and_complete_a_task_when_the_launcher_runs_on_its_runtime_classpath_alone() throws IOException {
        String classpath = runtimeClasspath();
        assertThat(classpath).as("the runtime classpath must not contain test-only jars")
            .doesNotContain("junit-jupiter", "assertj-core", "awaitility");

        try (ComponentProcess launcher = new ComponentProcess("launcher-runtime-classpath",
                LocalGateway.class.getName(), List.of(), "Media task gateway is ready", data.resolve("logs"),
                Map.of("GATEWAY_PORT", "0", "GATEWAY_DATA_DIR", data.resolve("gateway").toString(),
                        "GATEWAY_DEV_API_KEY", DEV_KEY),
                classpath)) {
            try {
                launcher.start();
            }
            catch (IllegalStateException e) {
                // the log lives in the test's temporary directory, which is deleted: show
                // its end here
                String output = launcher.output();
                throw new AssertionError(
                        e.getMessage() + "; it printed:\n" + output.substring(Math.max(0, output.length() - 4000)), e);
            }
            Matcher url = API_BASE_URL.matcher(launcher.output());
            assertThat(url.find()).as("the banner names the API base URL").isTrue();
            GatewayClient client = new GatewayClient(url.group(1), DEV_KEY);

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
    }

    /**
     * The module's classes and its runtime-scoped dependencies, as spring-boot:run puts
     * them together.
     */
    private static String runtimeClasspath() throws IOException {
        Path file = Path.of("target", "runtime-classpath.txt");
        assertThat(file).as("written by maven-dependency-plugin:build-classpath in generate-test-resources").exists();
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        entries.addAll(List.of(Files.readString(file).trim().split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

}
