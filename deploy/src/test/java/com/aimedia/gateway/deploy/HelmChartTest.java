package com.aimedia.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * Renders the chart with the helm library (helm-java ships it, no helm binary needed) and
 * checks what an operator relies on: one worker workload per provider group consuming
 * exactly its providers, every provider in one group, probes, resource requests, graceful
 * shutdown and a PodDisruptionBudget for every workload, KEDA autoscaling on consumer lag
 * when enabled. The same by hand: {@code helm lint deploy/helm/media-task-gateway} and
 * {@code helm template gateway deploy/helm/media-task-gateway}.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "media-task-gateway");

    private static final Path WORKER_CONFIG = Path.of("..", "provider-workers", "src", "main", "resources",
            "provider-workers.yml");

    @Test
    void should_pass_helm_lint() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    @Test
    void should_deploy_one_worker_workload_per_group_serving_every_provider_exactly_once() throws IOException {
        List<Map<String, Object>> manifests = render(new Helm(CHART).template());

        List<String> served = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(manifests, "Deployment")) {
            if (name(deployment).startsWith("provider-workers-")) {
                String providers = env(container(deployment), "GATEWAY_WORKERS_PROVIDERS");
                served.addAll(List.of(providers.split(",")));
            }
        }
        assertThat(served).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(knownProviders());
        assertThat(ofKind(manifests, "Deployment")).extracting(HelmChartTest::name)
            .contains("api-service", "orchestrator-service", "callback-service", "provider-workers-video-a");
    }

    @Test
    void should_give_every_workload_probes_requests_graceful_shutdown_and_a_disruption_budget() throws IOException {
        List<Map<String, Object>> manifests = render(new Helm(CHART).template());
        Set<String> budgets = new TreeSet<>();
        ofKind(manifests, "PodDisruptionBudget").forEach(pdb -> budgets.add(name(pdb)));

        assertThat(ofKind(manifests, "Deployment")).isNotEmpty().allSatisfy(deployment -> {
            Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            Map<String, Object> container = container(deployment);
            assertThat(budgets).as("PDB of %s", name(deployment)).contains(name(deployment));
            assertThat(container).containsKeys("startupProbe", "readinessProbe", "livenessProbe", "lifecycle");
            assertThat(map(map(container.get("resources")).get("requests"))).containsKeys("cpu", "memory");
            assertThat(env(container, "SERVER_SHUTDOWN")).isEqualTo("graceful");
            assertThat(env(container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")).isEqualTo("45s");
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(45 + 5);
        });
    }

    @Test
    void should_serve_actuator_on_an_unexposed_port_and_give_each_service_its_own_kafka_and_mongodb_user()
            throws IOException {
        List<Map<String, Object>> manifests = render(new Helm(CHART).template());

        assertThat(ofKind(manifests, "Deployment")).isNotEmpty().allSatisfy(deployment -> {
            Map<String, Object> container = container(deployment);
            String user = name(deployment).startsWith("provider-workers") ? "provider-workers" : name(deployment);
            assertThat(env(container, "MANAGEMENT_PORT")).isEqualTo("9080");
            assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("port")).isEqualTo("management");
            assertThat(map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("annotations")))
                .containsEntry("prometheus.io/port", "9080");
            assertThat(env(container, "GATEWAY_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(env(container, "GATEWAY_KAFKA_SECURITY_USERNAME")).isEqualTo(user);
            Map<String, Object> mongoUri = list(container.get("env")).stream()
                .filter(variable -> "GATEWAY_MONGO_URI".equals(variable.get("name")))
                .findFirst()
                .orElseThrow();
            assertThat(map(map(mongoUri.get("valueFrom")).get("secretKeyRef")).get("key")).isEqualTo(user);
        });
        assertThat(ofKind(manifests, "Service")).isNotEmpty()
            .allSatisfy(service -> assertThat(list(map(service.get("spec")).get("ports")))
                .extracting(port -> port.get("targetPort"))
                .containsOnly("http"));
        Map<String, Object> callback = container(deployment(manifests, "callback-service"));
        assertThat(env(callback, "SERVER_SSL_CLIENT_AUTH")).isEqualTo("need");
        assertThat(env(container(deployment(manifests, "api-service")), "GATEWAY_API_CALLBACK_SERVICE_URL"))
            .startsWith("https://");
    }

    @Test
    void should_scale_a_group_on_the_lag_of_its_consumer_groups_when_autoscaling_is_enabled() throws IOException {
        List<Map<String, Object>> manifests = render(
                withGroups(groups -> map(groups.get(2).get("autoscaling")).put("enabled", true)));

        Map<String, Object> scaled = ofKind(manifests, "ScaledObject").stream()
            .filter(o -> name(o).equals("provider-workers-image"))
            .findFirst()
            .orElseThrow();
        List<Map<String, Object>> triggers = list(map(scaled.get("spec")).get("triggers"));
        assertThat(triggers).extracting(trigger -> map(trigger.get("metadata")).get("topic"))
            .containsExactly("tasks.submitted.bfl", "tasks.poll.bfl", "tasks.cancel", "tasks.submitted.replicate",
                    "tasks.poll.replicate", "tasks.cancel", "tasks.submitted.xai", "tasks.poll.xai", "tasks.cancel");
        assertThat(triggers).allSatisfy(trigger -> assertThat(trigger.get("type")).isEqualTo("kafka"))
            .extracting(trigger -> map(trigger.get("metadata")).get("consumerGroup"))
            .containsExactly("workers-bfl", "workers-bfl", "workers-bfl", "workers-replicate", "workers-replicate",
                    "workers-replicate", "workers-xai", "workers-xai", "workers-xai");
        Map<String, Object> deployment = ofKind(manifests, "Deployment").stream()
            .filter(o -> name(o).equals("provider-workers-image"))
            .findFirst()
            .orElseThrow();
        assertThat(map(deployment.get("spec"))).as("replicas belong to the autoscaler").doesNotContainKey("replicas");
        assertThat(ofKind(manifests, "ScaledObject")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_refuse_to_render_when_a_provider_is_in_two_groups() throws IOException {
        TemplateCommand template = withGroups(
                groups -> ((List<Object>) groups.get(1).get("providers")).set(0, "kling"));

        assertThatThrownBy(template::call)
            .hasMessageContaining("provider kling is in worker groups video-a and video-b");
    }

    @Test
    void should_export_traces_only_when_an_otlp_endpoint_is_given() throws IOException {
        String endpoint = "http://otel-collector:4318/v1/traces";
        Map<String, Object> api = deployment(render(new Helm(CHART).template().set("tracing.otlpEndpoint", endpoint)),
                "api-service");
        Map<String, Object> apiByDefault = deployment(render(new Helm(CHART).template()), "api-service");

        assertThat(env(container(api), "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isEqualTo(endpoint);
        assertThat(env(container(apiByDefault), "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isNull();
    }

    @Test
    void should_give_every_workload_the_same_task_record_retention_only_when_one_is_set() throws IOException {
        List<Map<String, Object>> deployments = ofKind(
                render(new Helm(CHART).template().set("retention.taskRecords", "90d")), "Deployment");
        Map<String, Object> apiByDefault = deployment(render(new Helm(CHART).template()), "api-service");

        assertThat(deployments).isNotEmpty()
            .allSatisfy(deployment -> assertThat(
                    env(container(deployment), "GATEWAY_RETENTION_TASK_RECORDS_DEFAULT_PERIOD"))
                .as(name(deployment))
                .isEqualTo("90d"));
        assertThat(env(container(apiByDefault), "GATEWAY_RETENTION_TASK_RECORDS_DEFAULT_PERIOD")).isNull();
    }

    @Test
    void should_route_each_providers_callbacks_to_its_group_when_the_ingress_is_enabled() throws IOException {
        List<Map<String, Object>> manifests = render(
                new Helm(CHART).template().set("providerWorkers.ingress.enabled", true));

        Map<String, Object> ingress = ofKind(manifests, "Ingress").getFirst();
        List<Map<String, Object>> paths = list(
                map(map(list(map(ingress.get("spec")).get("rules")).getFirst().get("http"))).get("paths"));
        assertThat(paths).anySatisfy(path -> {
            assertThat(path.get("path")).isEqualTo("/provider-callbacks/replicate/");
            assertThat(map(map(path.get("backend")).get("service")).get("name")).isEqualTo("provider-workers-image");
        });
        assertThat(paths).hasSize(1 + knownProviders().size());
    }

    /**
     * The chart's values with the worker groups changed: helm's --set on a list index
     * replaces the whole list, so the changed list goes in a values file.
     */
    private static TemplateCommand withGroups(java.util.function.Consumer<List<Map<String, Object>>> change)
            throws IOException {
        Map<String, Object> values;
        try (Reader reader = Files.newBufferedReader(CHART.resolve("values.yaml"))) {
            values = new Yaml().load(reader);
        }
        List<Map<String, Object>> groups = list(map(values.get("providerWorkers")).get("groups"));
        change.accept(groups);
        Path file = Files.createTempFile("values", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, new Yaml().dump(Map.of("providerWorkers", Map.of("groups", groups))));
        return new Helm(CHART).template().withValuesFile(file);
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> manifests, String name) {
        return ofKind(manifests, "Deployment").stream().filter(o -> name(o).equals(name)).findFirst().orElseThrow();
    }

    /**
     * The providers the worker configures (gateway.providers.*): the chart must place
     * each of them.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> knownProviders() throws IOException {
        try (Reader reader = Files.newBufferedReader(WORKER_CONFIG)) {
            Map<String, Object> config = new Yaml().load(reader);
            return ((Map<String, Object>) map(config.get("gateway")).get("providers")).keySet();
        }
    }

    private static List<Map<String, Object>> render(TemplateCommand template) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(template.call())) {
            if (document != null) {
                manifests.add(map(document));
            }
        }
        return manifests;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
    }

    private static String name(Map<String, Object> manifest) {
        return (String) map(manifest.get("metadata")).get("name");
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        return list(pod.get("containers")).getFirst();
    }

    private static String env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream()
            .filter(variable -> name.equals(variable.get("name")))
            .map(variable -> (String) variable.get("value"))
            .findFirst()
            .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Map<String, Object>>) node;
    }

}
