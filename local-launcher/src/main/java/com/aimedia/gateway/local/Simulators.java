package com.aimedia.gateway.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.aimedia.gateway.simulators.ProviderSimulator;
import com.aimedia.gateway.simulators.SimulatorOptions;

/**
 * The provider simulators of the embedded default, and the worker configuration that
 * points each provider at its simulator. A provider whose real credentials are all in the
 * environment keeps its real API instead.
 */
final class Simulators implements AutoCloseable {

    private final List<ProviderSimulator> simulators;

    private final Map<String, String> environment;

    private Simulators(List<ProviderSimulator> simulators, Map<String, String> environment) {
        this.simulators = simulators;
        this.environment = environment;
    }

    static Simulators start(LocalGatewayOptions options, Map<String, String> environment) {
        return new Simulators(
                com.aimedia.gateway.simulators.Simulators
                    .startAll(new SimulatorOptions(options.simulatorQueuedFor(), options.simulatorRunningFor())),
                environment);
    }

    /** Command-line arguments for provider-workers. */
    List<String> workerArguments() {
        List<String> arguments = new ArrayList<>();
        for (ProviderSimulator simulator : simulators) {
            if (!usesRealApi(simulator)) {
                simulator.workerProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
            }
        }
        return arguments;
    }

    private boolean usesRealApi(ProviderSimulator simulator) {
        return simulator.realCredentialVariables().stream().allMatch(name -> {
            String value = environment.get(name);
            return value != null && !value.isBlank();
        });
    }

    List<ProviderSimulator> all() {
        return List.copyOf(simulators);
    }

    @Override
    public void close() {
        simulators.forEach(ProviderSimulator::close);
    }

}
