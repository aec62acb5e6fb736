package com.aimedia.gateway.local;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.aimedia.gateway.local.FaultCluster.Component;
import com.aimedia.gateway.testsupport.FaultProxy;

/**
 * The crash guarantees, proven on the gateway as separate processes: for each component
 * in turn (each service, the Kafka broker, the MongoDB server), tasks are submitted over
 * every provider, the component is killed with {@code kill -9} in the middle of the burst
 * and started again two seconds later, and every task that got a 200 must end terminal
 * with its final webhook, with one provider job each and no document without its owner.
 * docs/reliability.md records the figures this prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    static final Duration DOWN_FOR = Duration.ofSeconds(2);

    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(1);

    private static final Path RESULTS = Path.of("target", "fault-suite-results.txt");

    private Path data;

    private FaultCluster cluster;

    private WebhookReceiver receiver;

    private FaultWorkload workload;

    /**
     * Troubles of one provider (Luma, behind the fault proxy): network faults, or a
     * simulator failure marker.
     */
    enum Trouble {

        TIMEOUTS(FaultProxy.Mode.BLACKHOLE, ""), RESETS(FaultProxy.Mode.RESET, ""),
        SLOW_BODIES(FaultProxy.Mode.SLOW_BODY, ""), SERVER_ERRORS(FaultProxy.Mode.PASS, "[sim:server-error] "),
        RATE_LIMITED(FaultProxy.Mode.PASS, "[sim:busy] ");

        final FaultProxy.Mode mode;

        final String promptMarker;

        Trouble(FaultProxy.Mode mode, String promptMarker) {
            this.mode = mode;
            this.promptMarker = promptMarker;
        }

    }

    private static final String TROUBLED = "luma";

    private static final String HEALTHY = "kling";

    private @Nullable FaultProxy proxy;

    private @Nullable Duration quiet;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("fault-suite");
        cluster = new FaultCluster(data, options(data), this::troubledProviderThroughProxy).start();
        receiver = new WebhookReceiver();
        workload = new FaultWorkload(cluster.apiBaseUrl(), FaultCluster.DEV_API_KEY, receiver, cluster::providerJobs,
                cluster::mongoUri);
        workload.warmUp();
    }

    @AfterAll
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "kill -9 {0}")
    @EnumSource(Component.class)
    @Order(1)
    void should_end_every_accepted_task_with_its_webhook_and_one_provider_job_when_a_component_is_killed(
            Component component) throws Exception {
        FaultWorkload.Result result = workload.run("kill -9 " + component.name().toLowerCase(), 24,
                Duration.ofMillis(100), 10, () -> {
                    cluster.kill(component);
                    FaultWorkload.sleep(DOWN_FOR);
                    cluster.restart(component);
                }, Duration.ofMinutes(3));

        record(result);
        assertThat(result.accepted()).isPositive();
    }

    @ParameterizedTest(name = "{0} at one provider")
    @EnumSource(Trouble.class)
    @Order(2)
    void should_not_slow_another_provider_and_end_every_task_when_one_provider_is_in_trouble(Trouble trouble) {
        // given: the time a task of a healthy provider takes on a quiet gateway
        workload.begin();
        ProviderCase healthy = workload.caseOf(HEALTHY, "");
        if (quiet == null) {
            quiet = median(List.of(workload.timeToTerminal(healthy, TASK_TIMEOUT),
                    workload.timeToTerminal(healthy, TASK_TIMEOUT), workload.timeToTerminal(healthy, TASK_TIMEOUT)));
        }

        // when: the other provider is in trouble while its tasks keep arriving
        requireNonNull(proxy).mode(trouble.mode);
        ProviderCase troubled = workload.caseOf(TROUBLED, trouble.promptMarker);
        for (int i = 0; i < 6; i++) {
            workload.submit(troubled);
        }
        Duration during = median(List.of(workload.timeToTerminal(healthy, TASK_TIMEOUT),
                workload.timeToTerminal(healthy, TASK_TIMEOUT), workload.timeToTerminal(healthy, TASK_TIMEOUT)));
        proxy.mode(FaultProxy.Mode.PASS);

        // then: every task ends with its webhook and one job (the workload checks), and
        // the healthy provider's tasks
        // are not held up behind the troubled one's timeouts and retries (a generous
        // bound: this is no benchmark)
        Map<String, Long> jobs = workload.settle(Duration.ofMinutes(3));
        String line = "%s at %s: a %s task took %.1f s (quiet %.1f s, ratio %.2f), provider jobs=%s".formatted(trouble,
                TROUBLED, HEALTHY, during.toMillis() / 1000.0, quiet.toMillis() / 1000.0,
                (double) during.toMillis() / quiet.toMillis(), jobs);
        recordLine(line);
        assertThat(during).as(line).isLessThan(quiet.multipliedBy(3).plusSeconds(5));
    }

    private List<String> troubledProviderThroughProxy(List<String> simulatorArguments) {
        String prefix = "--gateway.providers." + TROUBLED + ".base-url=";
        List<String> rewritten = new ArrayList<>();
        for (String argument : simulatorArguments) {
            if (argument.startsWith(prefix)) {
                URI simulator = URI.create(argument.substring(prefix.length()));
                try {
                    proxy = new FaultProxy(new InetSocketAddress("127.0.0.1", simulator.getPort()));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                argument = prefix + "http://127.0.0.1:" + proxy.port() + simulator.getRawPath();
            }
            rewritten.add(argument);
        }
        // a swallowed request times out in seconds, not the default minute
        rewritten.add("--gateway.providers." + TROUBLED + ".read-timeout=3s");
        return rewritten;
    }

    private static Duration median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2);
    }

    static LocalGatewayOptions options(Path data) {
        return new LocalGatewayOptions(0, 0, FaultCluster.DEV_API_KEY, data, Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(1000), null, null, null, Map.of());
    }

    static void record(FaultWorkload.Result result) {
        recordLine(result.toString());
    }

    /**
     * Printed and appended to target/fault-suite-results.txt, where docs/reliability.md
     * takes its figures from.
     */
    static void recordLine(String line) {
        System.out.println("FAULT SUITE " + line);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
