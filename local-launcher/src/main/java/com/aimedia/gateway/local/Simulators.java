package com.aimedia.gateway.local;

import java.util.List;
import java.util.Map;

import com.aimedia.gateway.simulators.kling.KlingSimulator;

/**
 * The local provider simulators of the embedded default, and the worker configuration that points each provider
 * at its simulator. A provider whose real credentials are in the environment keeps its real API instead.
 */
final class Simulators implements AutoCloseable {

    private final KlingSimulator kling;
    private final boolean realKling;

    private Simulators(KlingSimulator kling, boolean realKling) {
        this.kling = kling;
        this.realKling = realKling;
    }

    static Simulators start(LocalGatewayOptions options, Map<String, String> environment) {
        String accessKey = LocalGateway.randomToken(12);
        String secretKey = LocalGateway.randomToken(24);
        KlingSimulator kling = KlingSimulator.start(KlingSimulator.Config.defaults()
            .withCredentials(accessKey, secretKey)
            .withTimings(options.simulatorQueuedFor(), options.simulatorRunningFor()));
        boolean realKling = present(environment, "KLING_ACCESS_KEY") && present(environment, "KLING_SECRET_KEY");
        return new Simulators(kling, realKling);
    }

    /** Command-line arguments for provider-workers. */
    List<String> workerArguments() {
        if (realKling) {
            return List.of(); // provider-workers.yml reads KLING_* from the environment
        }
        return List.of("--gateway.providers.kling.base-url=" + kling.baseUrl(),
                "--gateway.providers.kling.access-key=" + kling.config().accessKey(),
                "--gateway.providers.kling.secret-key=" + kling.config().secretKey());
    }

    KlingSimulator kling() {
        return kling;
    }

    private static boolean present(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    @Override
    public void close() {
        kling.close();
    }
}
