package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.aimedia.gateway.local.FaultCluster.Component;

/**
 * The soak, outside CI: tasks over every provider arrive ten a second for
 * {@code soak.minutes} minutes while, every few seconds, a random component gets
 * {@code kill -9} and comes back one to three seconds later; then every task that got a
 * 200 must be terminal with its final webhook and one provider job. Run it with
 * {@code mvn -B -ntp -pl local-launcher -am verify -Dtest=FaultSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsoak.minutes=20}.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "[1-9][0-9]*")
class FaultSoakTest {

    private static final Duration PACE = Duration.ofMillis(100);

    @Test
    void should_keep_every_guarantee_when_random_components_are_killed_for_the_whole_soak() throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("soak.minutes"));
        Path data = Files.createTempDirectory("fault-soak");
        try (FaultCluster cluster = new FaultCluster(data, FaultSuiteTest.options(data), UnaryOperator.identity())
            .start(); WebhookReceiver receiver = new WebhookReceiver()) {
            FaultWorkload workload = new FaultWorkload(cluster.apiBaseUrl(), FaultCluster.DEV_API_KEY, receiver,
                    cluster::providerJobs, cluster::mongoUri);
            workload.warmUp();
            Instant end = Instant.now().plus(length);
            FaultWorkload.Result result = workload.run("soak " + length.toMinutes() + " min",
                    (int) (length.toMillis() / PACE.toMillis()), PACE, 1, () -> killAtRandom(cluster, end),
                    Duration.ofMinutes(10));
            FaultSuiteTest.record(result);
            assertThat(result.accepted()).isPositive();
        }
    }

    private static void killAtRandom(FaultCluster cluster, Instant end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Component[] components = Component.values();
        while (Instant.now().isBefore(end)) {
            FaultWorkload.sleep(Duration.ofMillis(random.nextLong(3_000, 8_000)));
            Component victim = components[random.nextInt(components.length)];
            cluster.kill(victim);
            FaultWorkload.sleep(Duration.ofMillis(random.nextLong(1_000, 3_000)));
            cluster.restart(victim);
            FaultSuiteTest.recordLine("soak: killed and restarted " + victim);
        }
    }

}
