package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.aimedia.gateway.local.LocalGateway.Infrastructure;
import com.aimedia.gateway.local.Services.Service;

/**
 * The gateway as separate processes, as production runs it: the Kafka broker, the MongoDB
 * server, the provider simulators and each of the four services in a JVM of its own, on
 * fixed ports and one data directory, so that any one of them can be killed with
 * {@code kill -9} and started again where the others expect it.
 */
final class FaultCluster implements AutoCloseable {

    /** What can be killed. */
    enum Component {

        MONGO, KAFKA, ORCHESTRATOR, CALLBACK, WORKERS, API

    }

    static final String DEV_API_KEY = "sk_dev_fault_suite_0123456789";

    private final Map<Component, ComponentProcess> processes = new EnumMap<>(Component.class);

    private final ComponentProcess simulators;

    private final Services.Ports ports;

    private final int simulatorsAdminPort;

    private final String mongoUri;

    private final LocalGatewayOptions options;

    private final Infrastructure infrastructure;

    private final Path simulatorsFile;

    private final UnaryOperator<List<String>> simulatorArguments;

    private final Path logs;

    /**
     * @param simulatorArguments rewrites the provider-workers arguments that point at the
     * simulators (e.g. to put a fault proxy in front of one)
     */
    FaultCluster(Path data, LocalGatewayOptions options, UnaryOperator<List<String>> simulatorArguments) {
        this.logs = data.resolve("logs");
        int mongoPort = FreePorts.find();
        int brokerPort = FreePorts.find();
        this.mongoUri = "mongodb://127.0.0.1:" + mongoPort;
        this.ports = new Services.Ports(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find());
        this.simulatorsAdminPort = FreePorts.find();
        Path simulatorsFile = data.resolve("simulators.args");
        processes.put(Component.MONGO,
                new ComponentProcess("mongo", ComponentMain.class.getName(),
                        List.of("mongo", data.resolve("mongo").toString(), String.valueOf(mongoPort)), "READY", logs,
                        Map.of()));
        processes.put(Component.KAFKA,
                new ComponentProcess(
                        "kafka", ComponentMain.class.getName(), List.of("kafka", data.resolve("kafka").toString(),
                                String.valueOf(brokerPort), String.valueOf(FreePorts.find())),
                        "READY", logs, Map.of()));
        simulators = new ComponentProcess("simulators", ComponentMain.class.getName(),
                List.of("simulators", simulatorsFile.toString(), String.valueOf(simulatorsAdminPort),
                        String.valueOf(options.simulatorQueuedFor().toMillis()),
                        String.valueOf(options.simulatorRunningFor().toMillis())),
                "READY", logs, Map.of());
        this.infrastructure = new Infrastructure("127.0.0.1:" + brokerPort, mongoUri, LocalGateway.randomToken(48),
                LocalGateway.randomToken(48), data.resolve("outputs"), LocalGateway.randomToken(48));
        this.options = options;
        this.simulatorsFile = simulatorsFile;
        this.simulatorArguments = simulatorArguments;
    }

    /** Starts everything, infrastructure first and the public API last. */
    FaultCluster start() {
        processes.get(Component.MONGO).start();
        processes.get(Component.KAFKA).start();
        simulators.start();
        List<String> workerArguments;
        try {
            workerArguments = simulatorArguments.apply(Files.readAllLines(simulatorsFile));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Service service : Service.values()) {
            List<String> arguments = new ArrayList<>(
                    Services.arguments(service, options, infrastructure, workerArguments, DEV_API_KEY, ports));
            // the ready line: "Started <Application> in ..."
            arguments.replaceAll(argument -> argument.startsWith("--spring.main.log-startup-info=")
                    ? "--spring.main.log-startup-info=true" : argument);
            Component component = Component.valueOf(service.name());
            processes.put(component, new ComponentProcess(service.name().toLowerCase(), service.application().getName(),
                    arguments, "Started " + service.application().getSimpleName(), logs, Map.of()));
            processes.get(component).start();
        }
        return this;
    }

    void kill(Component component) {
        processes.get(component).kill();
    }

    void restart(Component component) {
        processes.get(component).start();
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + ports.api();
    }

    String mongoUri() {
        return mongoUri;
    }

    Path logs() {
        return logs;
    }

    /** The provider jobs each simulator has created since it started, by provider. */
    Map<String, Long> providerJobs() {
        return ProviderJobs.fetch(simulatorsAdminPort);
    }

    @Override
    public void close() {
        List<ComponentProcess> all = new ArrayList<>(processes.values());
        java.util.Collections.reverse(all);
        all.forEach(ComponentProcess::close);
        simulators.close();
    }

}
