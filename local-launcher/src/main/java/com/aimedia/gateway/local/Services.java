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
 * Starts the four services, each in its own Spring context with its own configuration file, exactly as they run
 * alone, and points them at the embedded infrastructure with command-line arguments (which win over the files).
 */
final class Services {

    private static final Logger log = LoggerFactory.getLogger("gateway");

    /** Callback URLs on this machine are fine on the embedded default; production admits none by default. */
    private static final String LOOPBACK_NETWORKS = "127.0.0.0/8,::1/128";

    private Services() {
    }

    static List<ConfigurableApplicationContext> start(LocalGatewayOptions options, Infrastructure infrastructure,
            Simulators simulators, String devApiKey) {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            // consumers first, the public API last: once it answers, everything behind it is running
            started.add(run(OrchestratorApplication.class, OrchestratorApplication.CONFIG_NAME, infrastructure, 0,
                    "--gateway.orchestrator.polling.default-interval=" + options.pollInterval().toMillis() + "ms",
                    "--gateway.orchestrator.polling.tick=100ms"));
            ConfigurableApplicationContext callbackService = run(CallbackServiceApplication.class,
                    CallbackServiceApplication.CONFIG_NAME, infrastructure, 0,
                    "--gateway.callback.allowed-networks=" + LOOPBACK_NETWORKS, "--gateway.callback.dispatch.tick=100ms");
            started.add(callbackService);
            // provider-workers is reachable from outside (provider callbacks, output downloads): a known port
            int workersPort = options.filesPort() != 0 ? options.filesPort() : FreePorts.find();
            List<String> workerArguments = new ArrayList<>(simulators.workerArguments());
            workerArguments.add("--gateway.workers.public.base-url=http://127.0.0.1:" + workersPort);
            workerArguments.add("--gateway.workers.public.signing-secret=" + infrastructure.urlSigningSecret());
            workerArguments.add("--gateway.workers.outputs.directory=" + infrastructure.outputsDirectory());
            // the simulators serve their result files on this machine; production downloads public addresses only
            workerArguments.add("--gateway.workers.outputs.allowed-networks=" + LOOPBACK_NETWORKS);
            started.add(run(ProviderWorkersApplication.class, ProviderWorkersApplication.CONFIG_NAME, infrastructure,
                    workersPort, workerArguments.toArray(String[]::new)));
            started.add(run(ApiServiceApplication.class, ApiServiceApplication.CONFIG_NAME, infrastructure,
                    options.apiPort(), "--gateway.api.task-id-secret=" + infrastructure.taskIdSecret(),
                    "--gateway.api.dev-api-key=" + devApiKey,
                    "--gateway.api.dev-tenant-id=" + LocalGatewayOptions.DEV_TENANT,
                    "--gateway.api.callback-url.allowed-networks=" + LOOPBACK_NETWORKS,
                    // the delivery log and secret paths are forwarded to the callback-service started above
                    "--gateway.api.callback-service-url=http://127.0.0.1:" + port(callbackService)));
            return started;
        }
        catch (RuntimeException e) {
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(Class<?> application, String configName,
            Infrastructure infrastructure, int port, String... specific) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + configName,
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--server.port=" + port,
                // actuator on its own free port (never the public one); logged below
                "--management.server.port=0",
                "--server.address=127.0.0.1",
                "--gateway.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--gateway.kafka.partitions=3",
                "--gateway.mongo.uri=" + infrastructure.mongoUri()));
        arguments.addAll(List.of(specific));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .run(arguments.toArray(String[]::new));
        log.info("service started name={} port={} managementPort={}", configName,
                context.getEnvironment().getProperty("local.server.port"),
                context.getEnvironment().getProperty("local.management.port"));
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("callback-service started without a web server");
        }
        return Integer.parseInt(port);
    }

    static String signingSecret(ConfigurableApplicationContext callbackService, String tenantId) {
        return callbackService.getBean(SigningSecrets.class).currentSecret(tenantId);
    }
}
