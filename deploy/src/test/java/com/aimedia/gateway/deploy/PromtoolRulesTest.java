package com.aimedia.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code promtool} on the alert rules and their unit tests
 * (prometheus/alerts.test.yml). Skips, saying how to get promtool, where it is not
 * installed: the same check is the documented command
 * {@code promtool test rules deploy/prometheus/alerts.test.yml}.
 */
class PromtoolRulesTest {

    private static final Path PROMETHEUS = Path.of("prometheus");

    private static void requirePromtool() {
        assumeTrue(promtool() != null, "promtool is not on the PATH, alert rule tests skipped: install it "
                + "(apt-get install prometheus) and rerun, or run: promtool test rules deploy/prometheus/alerts.test.yml");
    }

    @Test
    void should_accept_the_alert_rules_when_checked() throws Exception {
        requirePromtool();
        Result result = run("check", "rules", "alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void should_pass_every_alert_unit_test_when_promtool_evaluates_them() throws Exception {
        requirePromtool();
        Result result = run("test", "rules", "alerts.test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void should_test_every_alert_when_reading_the_unit_tests() throws IOException {
        String rules = Files.readString(PROMETHEUS.resolve("alerts.yml"));
        String tests = Files.readString(PROMETHEUS.resolve("alerts.test.yml"));

        List<String> alerts = rules.lines()
            .map(String::strip)
            .filter(line -> line.startsWith("- alert: "))
            .map(line -> line.substring("- alert: ".length()))
            .toList();
        assertThat(alerts).isNotEmpty()
            .allSatisfy(alert -> assertThat(tests).as("a test of %s", alert).contains("alertname: " + alert + "\n"));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(promtool().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path promtool() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

}
