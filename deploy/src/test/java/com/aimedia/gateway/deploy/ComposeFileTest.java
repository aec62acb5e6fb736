package com.aimedia.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack's wiring, checked without Docker: KRaft Kafka, a MongoDB replica set
 * the services connect to, Prometheus loading the tested alert rules and scraping every
 * service, Grafana provisioned with the data source and the dashboard, and every provider
 * served by exactly one worker group.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose", "docker-compose.yml");

    private static Map<String, Object> services;

    @BeforeAll
    static void read() throws IOException {
        services = map(load(COMPOSE).get("services"));
    }

    @Test
    void should_run_kafka_in_kraft_mode_without_zookeeper() {
        Map<String, Object> kafka = environment("kafka");

        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(kafka).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(services.keySet()).noneMatch(name -> name.contains("zookeeper"));
    }

    @Test
    void should_connect_every_service_to_the_mongodb_replica_set_and_kafka() {
        // authentication on: a replica set with users needs a key file for its members
        assertThat(String.valueOf(map(services.get("mongo")).get("entrypoint"))).contains("--replSet rs0")
            .contains("--keyFile");
        assertThat(gatewayServices()).isNotEmpty().allSatisfy(name -> {
            assertThat(String.valueOf(environment(name).get("GATEWAY_MONGO_URI"))).contains("replicaSet=rs0");
            assertThat(environment(name).get("GATEWAY_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(environment(name).get("SERVER_SHUTDOWN")).isEqualTo("graceful");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_scrape_every_service_and_load_the_tested_alert_rules() throws IOException {
        Map<String, Object> prometheus = load(Path.of("prometheus", "prometheus.yml"));
        List<String> ruleFiles = (List<String>) prometheus.get("rule_files");
        List<String> targets = new ArrayList<>();
        for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
            for (Object config : (List<Object>) map(job).get("static_configs")) {
                targets.addAll((List<String>) map(config).get("targets"));
            }
        }

        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                gatewayServices().stream().map(name -> name + ":" + environment(name).get("MANAGEMENT_PORT")).toList());
        assertThat(volumes("prometheus")).contains("../prometheus/alerts.yml:" + ruleFiles.getFirst() + ":ro",
                "../prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_never_publish_a_management_port() {
        assertThat(gatewayServices()).allSatisfy(name -> {
            Object management = environment(name).get("MANAGEMENT_PORT");
            List<String> ports = (List<String>) map(services.get(name)).getOrDefault("ports", List.of());

            assertThat(management).as(name).isNotNull().isNotEqualTo(environment(name).get("SERVER_PORT"));
            assertThat(ports).as(name).noneMatch(port -> port.endsWith(":" + management));
        });
    }

    @Test
    void should_provision_grafana_with_the_prometheus_data_source_and_the_dashboards() throws IOException {
        Map<String, Object> dashboards = load(Path.of("grafana", "provisioning", "dashboards", "gateway.yml"));
        String dashboardPath = String
            .valueOf(map(map(((List<?>) dashboards.get("providers")).getFirst()).get("options")).get("path"));
        Map<String, Object> datasources = load(Path.of("grafana", "provisioning", "datasources", "prometheus.yml"));
        Map<String, Object> prometheus = map(((List<?>) datasources.get("datasources")).getFirst());

        assertThat(volumes("grafana")).contains("../grafana/provisioning:/etc/grafana/provisioning:ro",
                "../grafana/dashboards:" + dashboardPath + ":ro");
        assertThat(prometheus.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(services).containsKey("prometheus");
        assertThat(Files.list(Path.of("grafana", "dashboards"))).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_serve_every_provider_in_exactly_one_worker_group() throws IOException {
        List<String> served = new ArrayList<>();
        for (String name : gatewayServices()) {
            Object providers = environment(name).get("GATEWAY_WORKERS_PROVIDERS");
            if (providers != null) {
                served.addAll(List.of(String.valueOf(providers).split(",")));
            }
        }
        Map<String, Object> workerConfig = load(
                Path.of("..", "provider-workers", "src", "main", "resources", "provider-workers.yml"));

        assertThat(served).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(
                    ((Map<String, Object>) map(workerConfig.get("gateway")).get("providers")).keySet());
    }

    /**
     * Services built from this repository (the gateway's own), by their build argument.
     */
    private static List<String> gatewayServices() {
        return services.entrySet()
            .stream()
            .filter(entry -> map(entry.getValue()).containsKey("build"))
            .map(Map.Entry::getKey)
            .toList();
    }

    private static Map<String, Object> environment(String service) {
        return map(map(services.get(service)).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(String service) {
        return (List<String>) map(services.get(service)).get("volumes");
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

}
