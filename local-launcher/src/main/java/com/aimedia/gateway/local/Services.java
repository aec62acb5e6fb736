package com.aimedia.gateway.local;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.aimedia.gateway.api.ApiServiceApplication;
import com.aimedia.gateway.callback.CallbackServiceApplication;
import com.aimedia.gateway.callback.signing.SigningSecrets;
import com.aimedia.gateway.local.LocalGateway.Infrastructure;
import com.aimedia.gateway.orchestrator.OrchestratorApplication;
import com.aimedia.gateway.workers.ProviderWorkersApplication;

/**
 * Starts the four services, each in its own Spring context with its own configuration
 * file, exactly as they run alone, and points them at the embedded infrastructure with
 * command-line arguments (which win over the files). The same arguments start them as
 * separate processes ({@link #arguments}), as the fault suite does.
 */
public final class Services {

    private static final Logger log = LoggerFactory.getLogger("gateway");

    /**
     * Callback URLs on this machine are fine on the embedded default; production admits
     * none by default.
     */
    private static final String LOOPBACK_NETWORKS = "127.0.0.0/8,::1/128";

    /**
     * The four services, each with its application class, whose own main runs it alone.
     */
    public enum Service {

        ORCHESTRATOR(OrchestratorApplication.class, OrchestratorApplication.CONFIG_NAME),
        CALLBACK(CallbackServiceApplication.class, CallbackServiceApplication.CONFIG_NAME),
        WORKERS(ProviderWorkersApplication.class, ProviderWorkersApplication.CONFIG_NAME),
        API(ApiServiceApplication.class, ApiServiceApplication.CONFIG_NAME);

        private final Class<?> application;

        private final String configName;

        Service(Class<?> application, String configName) {
            this.application = application;
            this.configName = configName;
        }

        public Class<?> application() {
            return application;
        }

    }

    /**
     * Where the services listen: provider-workers is reachable from outside (provider
     * callbacks, output downloads), and api-service forwards the delivery-log and secret
     * paths to callback-service.
     */
    public record Ports(int api, int workers, int callback, int orchestrator) {
    }

    private Services() {
    }

    static List<ConfigurableApplicationContext> start(LocalGatewayOptions options, Infrastructure infrastructure,
            List<String> simulatorArguments, String devApiKey) {
        Ports ports = new Ports(options.apiPort(), options.filesPort() != 0 ? options.filesPort() : FreePorts.find(),
                FreePorts.find(), 0);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            // consumers first, the public API last: once it answers, everything behind it
            // is running
            for (Service service : Service.values()) {
                started.add(run(service,
                        arguments(service, options, infrastructure, simulatorArguments, devApiKey, ports)));
            }
            return started;
        }
        catch (RuntimeException e) {
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    /**
     * The command-line arguments that start one service against the given infrastructure.
     */
    public static List<String> arguments(Service service, LocalGatewayOptions options, Infrastructure infrastructure,
            List<String> simulatorArguments, String devApiKey, Ports ports) {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=" + service.configName,
                "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false",
                // actuator on its own free port (never the public one); logged below
                "--management.server.port=0", "--server.address=127.0.0.1",
                "--gateway.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--gateway.kafka.partitions=3", "--gateway.mongo.uri=" + infrastructure.mongoUri()));
        // the output store: provider-workers writes and serves it, api-service and
        // callback-service sign its links
        List<String> storage = List.of("--gateway.storage.local.base-url=http://127.0.0.1:" + ports.workers(),
                "--gateway.storage.local.signing-secret=" + infrastructure.urlSigningSecret(),
                "--gateway.storage.local.directory=" + infrastructure.outputsDirectory());
        switch (service) {
            case ORCHESTRATOR -> arguments.addAll(List.of("--server.port=" + ports.orchestrator(),
                    "--gateway.orchestrator.polling.default-interval=" + options.pollInterval().toMillis() + "ms",
                    "--gateway.orchestrator.polling.tick=100ms"));
            case CALLBACK -> {
                arguments.addAll(List.of("--server.port=" + ports.callback(),
                        "--gateway.callback.allowed-networks=" + LOOPBACK_NETWORKS,
                        "--gateway.callback.dispatch.tick=100ms"));
                arguments.addAll(storage);
            }
            case WORKERS -> {
                arguments.add("--server.port=" + ports.workers());
                arguments.addAll(simulatorArguments);
                arguments.add("--gateway.workers.public.base-url=http://127.0.0.1:" + ports.workers());
                arguments.add("--gateway.workers.public.signing-secret=" + infrastructure.urlSigningSecret());
                // the simulators serve their result files on this machine; production
                // downloads public addresses only
                arguments.add("--gateway.workers.outputs.allowed-networks=" + LOOPBACK_NETWORKS);
                arguments.addAll(storage);
                // an added setting replaces the launcher's own: Spring would join a
                // property given twice on the command line into one comma-separated value
                options.workerProperties().forEach((name, value) -> {
                    arguments.removeIf(argument -> argument.startsWith("--" + name + "="));
                    arguments.add("--" + name + "=" + value);
                });
            }
            case API -> {
                arguments.addAll(List.of("--server.port=" + ports.api(),
                        "--gateway.api.task-id-secret=" + infrastructure.taskIdSecret(),
                        "--gateway.api.admin.token=" + infrastructure.adminToken(),
                        "--gateway.api.dev-api-key=" + devApiKey,
                        "--gateway.api.dev-tenant-id=" + LocalGatewayOptions.DEV_TENANT,
                        "--gateway.api.callback-url.allowed-networks=" + LOOPBACK_NETWORKS,
                        "--gateway.api.callback-service-url=http://127.0.0.1:" + ports.callback(),
                        // one developer, one tenant: the production default quotas (50
                        // requests/s, 200 tasks in
                        // flight) would throttle a load test or the fault suite rather
                        // than show the gateway
                        "--gateway.api.quotas.requests-per-second=100000",
                        "--gateway.api.quotas.tasks-in-flight=100000"));
                arguments.addAll(storage);
            }
        }
        return arguments;
    }

    private static ConfigurableApplicationContext run(Service service, List<String> arguments) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application)
            .run(arguments.toArray(String[]::new));
        log.info("service started name={} port={} managementPort={}", service.configName,
                context.getEnvironment().getProperty("local.server.port"),
                context.getEnvironment().getProperty("local.management.port"));
        return context;
    }

    static String signingSecret(ConfigurableApplicationContext callbackService, String tenantId) {
        return callbackService.getBean(SigningSecrets.class).currentSecret(tenantId);
    }

}
